import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useId, useRef, useState, type DragEvent } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { contentTypeLabel } from '../i18n/domain-labels';
import { FileRouteError, fetchFile, saveBlob, uploadFile } from '../providers/file-transfer';
import { ActionDialog } from './ComplaintActions';
import { PreviewDialog } from './AttachmentPreview';
import { formatBytes, formatDateTime } from './format';
import { Empty, Panel, SmallTable } from './panel';
import type { AttachmentRow, ComplaintRecord } from './types';
import { errorMessage } from '../providers/error-mapping';

/** What the browser shows itself, from a `blob:` URL: a PDF in its viewer, an image as an image (not TIFF). */
const PREVIEWABLE = ['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/** What an upload's line says after its name ("— wacht"). */
const UPLOAD_STATES = { waiting: 'app.attachments.waiting', sending: 'app.attachments.sending', done: 'app.attachments.done' } as const;

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
 * the bearer token), one after the other, with its progress; a refusal is told by its code (in the panel's language), the
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
          update(key, { state: 'failed', message: errorMessage(error) });
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
          {translate('app.attachments.dropHere')}
        </Typography>
        <Button variant="contained" size="small" onClick={() => input.current?.click()}>
          {translate('app.attachments.choose')}
        </Button>
        <input
          ref={input}
          id={inputId}
          type="file"
          multiple
          hidden
          aria-label={translate('app.attachments.upload')}
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            // the same file again is a change too
            event.target.value = '';
            if (files.length) send(files);
          }}
        />
        <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
          {translate('app.attachments.accepted')}
        </Typography>
      </Box>
      {uploads.length ? (
        <Stack component="ul" spacing={1} sx={{ listStyle: 'none', p: 0, mt: 1, mb: 0 }} aria-label={translate('app.attachments.uploads')}>
          {uploads.map((upload) => (
            <Box component="li" key={upload.key} data-upload={upload.state}>
              <Typography variant="body2">
                {upload.name} ({formatBytes(upload.size)}) {upload.state === 'failed' ? '' : `— ${translate(UPLOAD_STATES[upload.state])}`}
              </Typography>
              {upload.state === 'sending' || upload.state === 'waiting' ? (
                <LinearProgress
                  variant={upload.state === 'sending' ? 'determinate' : 'indeterminate'}
                  value={Math.round(upload.progress * 100)}
                  aria-label={translate('app.attachments.uploading', { name: upload.name })}
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

const AttachmentTableRow = ({ attachment, onPreview }: { attachment: AttachmentRow; onPreview: () => void }) => {
  const notify = useNotify();
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      saveBlob(await fetchFile(attachment.downloadPath ?? '', attachment.contentType), attachment.fileName);
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const removed = !!attachment.removedAt;
  return (
    <TableRow data-attachment={attachment.id} data-state={removed ? 'removed' : attachment.downloadPath ? 'file' : 'metadata'}>
      <TableCell sx={{ wordBreak: 'break-word' }}>
        {removed ? <em>{translate('app.attachments.removedAt', { at: formatDateTime(attachment.removedAt) })}</em> : attachment.fileName}
        {!removed && !attachment.downloadPath && attachment.storageKey ? (
          <Typography variant="caption" color="text.secondary" component="div">
            {translate('app.attachments.storedAt', { key: attachment.storageKey })}
          </Typography>
        ) : null}
        {attachment.sha256 ? (
          <Typography variant="caption" color="text.secondary" component="div" title={`SHA-256 ${attachment.sha256}`}>
            SHA-256 {attachment.sha256.slice(0, 12)}…
          </Typography>
        ) : null}
      </TableCell>
      <TableCell>{contentTypeLabel(attachment.contentType)}</TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        {formatBytes(attachment.sizeBytes)}
      </TableCell>
      <TableCell>{formatDateTime(attachment.createdAt)}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {attachment.downloadPath && !removed ? (
          <>
            {PREVIEWABLE.includes(attachment.contentType) ? (
              <Button size="small" onClick={onPreview}>
                {translate('app.common.view')}
              </Button>
            ) : null}
            <Button size="small" onClick={download} disabled={busy}>
              {translate('app.common.download')}
            </Button>
          </>
        ) : !removed ? (
          <Typography variant="caption" color="text.secondary">
            {translate('app.attachments.metadataOnly')}
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
  const translate = useTranslate();
  const [preview, setPreview] = useState<AttachmentRow | null>(null);
  const [metadataOnly, setMetadataOnly] = useState(false);
  const attachments = record.attachments ?? [];
  const mayAdd = !record.anonymisedAt && (record.availableActions ?? []).includes('ADD_ATTACHMENT');
  return (
    <Panel title="app.attachments.title">
      {mayAdd ? <UploadZone record={record} /> : null}
      {attachments.length === 0 ? (
        <Empty>{translate('app.attachments.none')}</Empty>
      ) : (
        <SmallTable
          label="app.attachments.title"
          columns={['app.attachments.file', 'app.attachments.type', { label: 'app.attachments.size', align: 'right' }, 'app.attachments.added', '']}
        >
          {attachments.map((attachment) => (
            <AttachmentTableRow key={attachment.id} attachment={attachment} onPreview={() => setPreview(attachment)} />
          ))}
        </SmallTable>
      )}
      {mayAdd ? (
        <Button size="small" sx={{ mt: 1 }} onClick={() => setMetadataOnly(true)}>
          {translate('app.attachments.withoutFile')}
        </Button>
      ) : null}
      {preview ? <PreviewDialog attachment={preview} onClose={() => setPreview(null)} /> : null}
      {metadataOnly ? (
        <ActionDialog action="ADD_ATTACHMENT" label={translate('app.attachments.withoutFile')} record={record} onClose={() => setMetadataOnly(false)} />
      ) : null}
    </Panel>
  );
};
