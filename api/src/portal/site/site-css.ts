import { createHash } from 'node:crypto';

/**
 * The site's one stylesheet: the system font, dark text on white (≥ 7:1), a thick visible focus ring, fields and
 * buttons at least 44 px high, one column up to 40 rem that narrows to the screen (no horizontal scrolling at 390 px).
 */
export const SITE_CSS = `*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:1.125rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1b1b;background:#fff;overflow-wrap:break-word}
.wrap{max-width:42rem;margin:0 auto;padding:0 1rem}
a{color:#0b4c8c;text-underline-offset:.15em}
a:hover{color:#062e56;text-decoration-thickness:.15em}
:focus-visible{outline:3px solid #1b1b1b;outline-offset:2px;box-shadow:0 0 0 6px #ffd500}
a:focus-visible{background:#ffd500;color:#1b1b1b;text-decoration:none;outline-offset:0}
.skip{position:absolute;left:-10000px;top:0;padding:.75rem 1rem;background:#ffd500;color:#1b1b1b}
.skip:focus{left:0;z-index:1}
header.site{background:#0b3a66;color:#fff;padding:.75rem 0;margin-bottom:1.5rem}
header.site .wrap{display:flex;align-items:center;gap:.75rem;min-height:3rem}
.logo{max-height:3rem;max-width:8rem;background:#fff;padding:.25rem}
.org{font-weight:700;font-size:1.25rem}
main{display:block;padding-bottom:2rem}
main:focus{outline:none}
h1{font-size:2rem;line-height:1.2;margin:0 0 1rem}
h2{font-size:1.5rem;line-height:1.25;margin:2rem 0 .75rem}
h3{font-size:1.25rem;margin:1.5rem 0 .5rem}
p,ul,dl{margin:0 0 1rem}
.lead{font-size:1.25rem}
fieldset{border:0;padding:0;margin:0 0 1.5rem;min-width:0}
legend{font-size:1.5rem;font-weight:700;padding:0;margin-bottom:.75rem}
legend.sub{font-size:1.25rem;margin-bottom:.25rem}
.scale legend{font-size:1.125rem}
.field{margin-bottom:1.5rem}
label{display:block;font-weight:700;margin-bottom:.25rem}
.hint{color:#4a4a4a;margin:0 0 .5rem}
.optional{font-weight:400}
input[type=text],input[type=email],input[type=tel],textarea,select{display:block;width:100%;min-height:2.75rem;padding:.5rem;font:inherit;color:inherit;background:#fff;border:2px solid #1b1b1b;border-radius:0}
textarea{min-height:8rem;resize:vertical}
input[type=file]{display:block;max-width:100%;font:inherit;padding:.5rem 0}
.has-error{border-left:5px solid #b3001b;padding-left:.75rem}
.has-error input,.has-error textarea,.has-error select{border-color:#b3001b}
.error{color:#b3001b;font-weight:700;margin:0 0 .5rem}
.error-summary{border:4px solid #b3001b;padding:1rem;margin-bottom:2rem}
.error-summary h2{margin-top:0}
.error-summary a{color:#b3001b;font-weight:700}
.notice{border-left:6px solid #00703c;background:#eef7f0;padding:1rem;margin-bottom:1.5rem}
.choice{display:flex;align-items:flex-start;gap:.75rem;margin-bottom:.5rem;min-height:2.75rem}
.choice input{width:1.75rem;height:1.75rem;margin:.25rem 0 0;flex:none}
.choice label{font-weight:400;margin:0;padding:.25rem 0}
button{display:inline-block;min-height:2.75rem;padding:.6rem 1.25rem;font:inherit;font-weight:700;color:#fff;background:#00703c;border:2px solid transparent;border-bottom:4px solid #002d18;cursor:pointer;margin:0 .75rem .75rem 0}
button:hover{background:#005a30}
button.secondary{background:#e6e6e6;color:#1b1b1b;border-bottom-color:#6e6e6e}
.code-box{border:3px solid #0b3a66;padding:1rem;margin:0 0 1.5rem}
.code-box dt{font-weight:700}
.code-box dd{margin:0 0 1rem;font:700 clamp(1.25rem,6vw,2.25rem)/1.2 ui-monospace,"DejaVu Sans Mono",Consolas,monospace;letter-spacing:.05em}
.code-box dd:last-child{margin-bottom:0}
.facts dt{font-weight:700}
.facts dd{margin:0 0 .75rem}
.quote{border-left:5px solid #6e6e6e;padding:.5rem 1rem;white-space:pre-line;background:#f3f3f3}
.hp{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}
.nowrap{white-space:nowrap}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);border:0}
footer.site{border-top:1px solid #b1b4b6;padding:1rem 0 2rem;color:#4a4a4a}
footer.site ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}
@media (max-width:30rem){h1{font-size:1.625rem}h2{font-size:1.3rem}button{width:100%;margin-right:0}}
`;

/** A hash of the stylesheet for its URL: it may be cached for good, and a new version has another URL. */
export const SITE_CSS_VERSION = createHash('sha256').update(SITE_CSS).digest('base64url').slice(0, 12);
