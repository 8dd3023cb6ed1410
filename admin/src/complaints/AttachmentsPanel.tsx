import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { contentTypeLabels } from '../i18n/domain-labels';
import { FileRouteError, fetchFile, saveBlob, uploadFile } from '../providers/file-transfer';
import { ActionDialog } from './ComplaintActions';
import { formatBytes, formatDateTime } from './format';
import { Empty, Panel, SmallTable } from './panel';
import type { AttachmentRow, ComplaintRecord } from './types';

/** What the browser shows itself, from a `blob:` URL: a PDF in its viewer, an image as an image (not TIFF). */
const PREVIEWABLE = ['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp'];

const typeLabel = (contentType: string): string => contentTypeLabels[contentType] ?? contentType;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : 'ra.notification.http_error');

/** One file being sent: how far it is, or why it was refused. */
interface Upload {
  key: number;
  name: string;
  size: number;
  progress: number;
  state: 'waiting' | 'sending' | 'done' | 'failed';
  message?: string;
}

/**
 * The drop zone and "Bestanden kiezen": each file is sent on its own (POST /complaints/:id/attachments, with
 * the bearer token), one after the other, with its progress; a refusal is told in Dutch by its code, the
 * others go on. The page is refreshed after each file that arrived.
 */
const UploadZone = ({ record }: { record: ComplaintRecord }) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const nextKey = useRef(0);
  const queue = useRef(Promise.resolve());

  const update = (key: number, change: Partial<Upload>) =>
    setUploads((current) => current.map((upload) => (upload.key === key ? { ...upload, ...change } : upload)));

  const send = (files: File[]) => {
    const added = files.map((file) => ({ file, key: nextKey.current++ }));
    setUploads((current) => [
      ...current.filter((upload) => upload.state !== 'done'),
      ...added.map(({ file, key }) => ({ key, name: file.name, size: file.size, progress: 0, state: 'waiting' as const })),
    ]);
    for (const { file, key } of added) {
      queue.current = queue.current.then(async () => {
        update(key, { state: 'sending' });
        try {
          await uploadFile(`/complaints/${encodeURIComponent(record.id)}/attachments`, file, (progress) => update(key, { progress }));
          update(key, { state: 'done', progress: 1 });
          refresh();
        } catch (error) {
          update(key, { state: 'failed', message: messageOf(error) });
          if (error instanceof FileRouteError && ['INVALID_TRANSITION', 'NOT_FOUND', 'FORBIDDEN'].includes(error.code)) refresh();
        }
      });
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const files = Array.from(event.dataTransfer.files);
    if (files.length) send(files);
  };

  return (
    <Box sx={{ mb: 2 }}>
      <Box
        onDragEnter={(event: DragEvent) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragOver={(event: DragEvent) => event.preventDefault()}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-dropzone={dragging ? 'active' : 'idle'}
        sx={{
          border: 2,
          borderStyle: 'dashed',
          borderColor: dragging ? 'primary.main' : 'divider',
          borderRadius: 1,
          bgcolor: dragging ? 'action.hover' : 'transparent',
          p: 2,
          textAlign: 'center',
        }}
      >
        <Typography variant="body2" sx={{ mb: 1 }}>
          Sleep bestanden hierheen, of
        </Typography>
        <Button variant="contained" size="small" onClick={() => input.current?.click()}>
          Bestanden kiezen
        </Button>
        <input
          ref={input}
          id={inputId}
          type="file"
          multiple
          hidden
          aria-label="Bijlagen uploaden"
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            // the same file again is a change too
            event.target.value = '';
            if (files.length) send(files);
          }}
        />
        <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
          Pdf, afbeeldingen, e-mails (.eml, .msg) en Office-documenten. Het systeem kijkt naar de inhoud, niet alleen naar de naam.
        </Typography>
      </Box>
      {uploads.length ? (
        <Stack component="ul" spacing={1} sx={{ listStyle: 'none', p: 0, mt: 1, mb: 0 }} aria-label="Uploads">
          {uploads.map((upload) => (
            <Box component="li" key={upload.key} data-upload={upload.state}>
              <Typography variant="body2">
                {upload.name} ({formatBytes(upload.size)}){' '}
                {upload.state === 'waiting' ? '— wacht' : upload.state === 'done' ? '— toegevoegd' : upload.state === 'sending' ? '— bezig' : ''}
              </Typography>
              {upload.state === 'sending' || upload.state === 'waiting' ? (
                <LinearProgress
                  variant={upload.state === 'sending' ? 'determinate' : 'indeterminate'}
                  value={Math.round(upload.progress * 100)}
                  aria-label={`${upload.name} uploaden`}
                />
              ) : null}
              {upload.state === 'failed' ? (
                <Alert severity="error" sx={{ mt: 0.5 }}>
                  {translate(upload.message ?? 'ra.notification.http_error', { _: upload.message })}
                </Alert>
              ) : null}
            </Box>
          ))}
        </Stack>
      ) : null}
    </Box>
  );
};

/**
 * "Bekijken": a PDF (in the browser's viewer, in an iframe) or an image from a `blob:` URL, fetched with the
 * token and revoked when the dialog closes. The admin's Content-Security-Policy must allow `blob:` for
 * frame-src and img-src.
 */
const PreviewDialog = ({ attachment, onClose }: { attachment: AttachmentRow; onClose: () => void }) => {
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
        if (!cancelled) setError(messageOf(reason));
      });
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [attachment.downloadPath, attachment.contentType]);
  const pdf = attachment.contentType === 'application/pdf';
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="lg">
      <DialogTitle id={titleId}>{attachment.fileName}</DialogTitle>
      <DialogContent>
        {error ? <Alert severity="error">{translate(error, { _: error })}</Alert> : null}
        {!url && !error ? <LinearProgress aria-label="Laden" /> : null}
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
        {blocked ? <Alert severity="warning">Deze afbeelding kan hier niet worden getoond; gebruik Downloaden.</Alert> : null}
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
            Downloaden
          </Button>
        ) : null}
        <Button onClick={onClose}>Sluiten</Button>
      </DialogActions>
    </Dialog>
  );
};

const AttachmentTableRow = ({ attachment, onPreview }: { attachment: AttachmentRow; onPreview: () => void }) => {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      saveBlob(await fetchFile(attachment.downloadPath ?? '', attachment.contentType), attachment.fileName);
    } catch (error) {
      notify(messageOf(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const removed = !!attachment.removedAt;
  return (
    <TableRow data-attachment={attachment.id} data-state={removed ? 'removed' : attachment.downloadPath ? 'file' : 'metadata'}>
      <TableCell sx={{ wordBreak: 'break-word' }}>
        {removed ? <em>Verwijderd op {formatDateTime(attachment.removedAt)}</em> : attachment.fileName}
        {!removed && !attachment.downloadPath && attachment.storageKey ? (
          <Typography variant="caption" color="text.secondary" component="div">
            Vindplaats: {attachment.storageKey}
          </Typography>
        ) : null}
        {attachment.sha256 ? (
          <Typography variant="caption" color="text.secondary" component="div" title={`SHA-256 ${attachment.sha256}`}>
            SHA-256 {attachment.sha256.slice(0, 12)}…
          </Typography>
        ) : null}
      </TableCell>
      <TableCell>{typeLabel(attachment.contentType)}</TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        {formatBytes(attachment.sizeBytes)}
      </TableCell>
      <TableCell>{formatDateTime(attachment.createdAt)}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {attachment.downloadPath && !removed ? (
          <>
            {PREVIEWABLE.includes(attachment.contentType) ? (
              <Button size="small" onClick={onPreview}>
                Bekijken
              </Button>
            ) : null}
            <Button size="small" onClick={download} disabled={busy}>
              Downloaden
            </Button>
          </>
        ) : !removed ? (
          <Typography variant="caption" color="text.secondary">
            Alleen gegevens
          </Typography>
        ) : null}
      </TableCell>
    </TableRow>
  );
};

/**
 * Bijlagen: the files of the dossier (name, type, size, when; view and download with the token), and — when
 * `availableActions` has ADD_ATTACHMENT — uploading them; recording a document kept elsewhere by its
 * metadata only stays possible as the second way.
 */
export const AttachmentsPanel = ({ record }: { record: ComplaintRecord }) => {
  const [preview, setPreview] = useState<AttachmentRow | null>(null);
  const [metadataOnly, setMetadataOnly] = useState(false);
  const attachments = record.attachments ?? [];
  const mayAdd = !record.anonymisedAt && (record.availableActions ?? []).includes('ADD_ATTACHMENT');
  return (
    <Panel title="Bijlagen">
      {mayAdd ? <UploadZone record={record} /> : null}
      {attachments.length === 0 ? (
        <Empty>Nog geen bijlagen.</Empty>
      ) : (
        <SmallTable label="Bijlagen" columns={['Bestand', 'Soort', { label: 'Grootte', align: 'right' }, 'Toegevoegd', '']}>
          {attachments.map((attachment) => (
            <AttachmentTableRow key={attachment.id} attachment={attachment} onPreview={() => setPreview(attachment)} />
          ))}
        </SmallTable>
      )}
      {mayAdd ? (
        <Button size="small" sx={{ mt: 1 }} onClick={() => setMetadataOnly(true)}>
          Bijlage vastleggen zonder bestand
        </Button>
      ) : null}
      {preview ? <PreviewDialog attachment={preview} onClose={() => setPreview(null)} /> : null}
      {metadataOnly ? (
        <ActionDialog action="ADD_ATTACHMENT" label="Bijlage vastleggen zonder bestand" record={record} onClose={() => setMetadataOnly(false)} />
      ) : null}
    </Panel>
  );
};
