import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { Clock } from '../shared/clock';

export interface TokenClaims {
  staffId: string;
  sessionVersion: number;
}

const ISSUER = 'klachtenregistratie';

/** Bearer tokens for staff: HS256 JWTs carrying the staff id and its session version. */
export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
    private readonly clock: Clock,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(claims: TokenClaims): Promise<{ token: string; expiresAt: Date }> {
    const now = Math.floor(this.clock.now().toSeconds());
    const expiresAt = now + this.ttlSeconds;
    const token = await new SignJWT({ ver: claims.sessionVersion })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.staffId)
      .setIssuer(ISSUER)
      .setIssuedAt(now)
      .setExpirationTime(expiresAt)
      .sign(this.key);
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }

  /** The claims of a valid token; undefined for anything expired, forged or malformed. */
  async verify(token: string): Promise<TokenClaims | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        algorithms: ['HS256'],
        currentDate: this.clock.now().toJSDate(),
      });
      if (typeof payload.sub !== 'string' || typeof payload.ver !== 'number') return undefined;
      return { staffId: payload.sub, sessionVersion: payload.ver };
    } catch (error) {
      if (error instanceof joseErrors.JOSEError) return undefined;
      throw error;
    }
  }
}
