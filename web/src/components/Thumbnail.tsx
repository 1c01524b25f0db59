import { useState } from 'react';

const NAMES: Record<string, string> = {
  youtube: 'Video',
  web: 'Article',
  podcast: 'Podcast',
  upload: 'Upload',
  playlist: 'Playlist',
  channel: 'Channel',
  feed: 'Feed',
};

/**
 * The picture Sightline kept of a source, or, when it has none or it does not load, a small tile
 * that names the kind of source.
 */
export function Thumbnail({ src, label }: { src: string | null | undefined; label: string }) {
  const [failed, setFailed] = useState(false);
  if (src && !failed) {
    return <img className="thumb" src={src} alt="" loading="lazy" width={120} height={68} onError={() => setFailed(true)} />;
  }
  return (
    <div className={`thumb placeholder placeholder-${label}`} aria-hidden="true">
      {NAMES[label] ?? label}
    </div>
  );
}
