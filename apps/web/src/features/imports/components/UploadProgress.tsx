import type { UploadProgress as Progress } from '../api/upload-form';

/**
 * The upload's progress while the file is sent, then an indeterminate bar while the API works
 * (`working` names what it does: "Reading the file…", "Importing…").
 */
export function UploadProgress({ progress, working }: { progress: Progress; working: string }) {
  const sent = progress.total > 0 && progress.loaded >= progress.total;
  if (sent) {
    return (
      <div className="import-progress" role="status">
        <progress aria-label={working} />
        <span>{working}</span>
      </div>
    );
  }
  const percent = progress.total > 0 ? Math.floor((progress.loaded / progress.total) * 100) : 0;
  return (
    <div className="import-progress" role="status">
      <progress aria-label="Uploading the file" max={100} value={percent} />
      <span>Uploading… {percent} %</span>
    </div>
  );
}
