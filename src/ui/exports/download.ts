// Saves a Blob as a file through a temporary link (no server, no new permission).
export function download(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Chromium reads the blob asynchronously after the click: revoke a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a scenario name and a moment: hintscope-six-nodes-0h05m.session.json */
export function fileName(scenarioName: string, nowMs: number, suffix: string): string {
  const slug = scenarioName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'session';
  const total = Math.floor(Math.max(0, nowMs) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const moment = `${h}h${String(m).padStart(2, '0')}m${String(s).padStart(2, '0')}s`;
  return `hintscope-${slug}-${moment}.${suffix}`;
}
