import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import { useEffect, useId, useState } from 'react';
import { useTranslate } from 'react-admin';
import { usePhone } from './list-layout';
import { fetchFile } from '../providers/file-transfer';
import type { AttachmentRow } from './types';
import { errorMessage } from '../providers/error-mapping';

/**
 * "Bekijken": a PDF (in the browser's viewer, in an iframe) or an image from a `blob:` URL, fetched with the
 * token and revoked when the dialog closes. The admin's Content-Security-Policy must allow `blob:` for
 * frame-src and img-src.
 */
export const PreviewDialog = ({ attachment, onClose }: { attachment: AttachmentRow; onClose: () => void }) => {
  const translate = useTranslate();
  const titleId = useId();
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<string>();
  const [blocked, setBlocked] = useState(false);
  useEffect(() => {
    let objectUrl: string | undefined;
    let cancelled = false;
    fetchFile(attachment.downloadPath ?? '', attachment.contentType)
      .then((blob) => {
        if (cancelled) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      })
      .catch((reason: unknown) => {
        if (!cancelled) setError(errorMessage(reason));
      });
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [attachment.downloadPath, attachment.contentType]);
  const pdf = attachment.contentType === 'application/pdf';
  const phone = usePhone();
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="lg" fullScreen={phone}>
      <DialogTitle id={titleId}>{attachment.fileName}</DialogTitle>
      <DialogContent>
        {error ? <Alert severity="error">{translate(error, { _: error })}</Alert> : null}
        {!url && !error ? <LinearProgress aria-label={translate('app.common.loading')} /> : null}
        {url && pdf ? (
          <Box component="iframe" src={url} title={attachment.fileName} sx={{ display: 'block', width: '100%', height: '75vh', border: 0 }} />
        ) : null}
        {url && !pdf && !blocked ? (
          <Box
            component="img"
            src={url}
            alt={attachment.fileName}
            onError={() => setBlocked(true)}
            sx={{ display: 'block', maxWidth: '100%', maxHeight: '75vh', mx: 'auto' }}
          />
        ) : null}
        {blocked ? <Alert severity="warning">{translate('app.attachments.cannotShow')}</Alert> : null}
      </DialogContent>
      <DialogActions>
        {url ? (
          <Button
            onClick={() => {
              const link = document.createElement('a');
              link.href = url;
              link.download = attachment.fileName;
              link.click();
            }}
          >
            {translate('app.common.download')}
          </Button>
        ) : null}
        <Button onClick={onClose}>{translate('app.common.close')}</Button>
      </DialogActions>
    </Dialog>
  );
};
