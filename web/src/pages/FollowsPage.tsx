import { api } from '../api';
import { useToast } from '../components/Toasts';
import { failureText, useLoaded } from '../loaded';
import { useTitle } from '../title';

/** The channels and feeds followed: when each was checked, what it made; pause, resume, stop. */
export function FollowsPage() {
  useTitle('Follows');
  const toast = useToast();
  const { data: follows, error, load } = useLoaded(api.follows);

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      toast('success', done);
      await load();
    } catch (failure) {
      toast('error', failureText(failure));
    }
  };

  return (
    <section aria-labelledby="follows-title">
      <h1 id="follows-title">Follows</h1>
      {error && (
        <div className="alert" role="alert">
          {error}
        </div>
      )}
      {follows && follows.length === 0 && (
        <p className="empty">
          You follow nothing yet. <a href="#/">Summarize a channel or a podcast feed</a> with “Follow” ticked, and its
          new items are summarized as they come.
        </p>
      )}
      {follows && follows.length > 0 && (
        <ul className="follows">
          {follows.map((follow) => {
            const name = follow.title ?? follow.url;
            return (
              <li key={follow.id} className="item" data-paused={follow.paused}>
                <div>
                  <a href={follow.url} rel="noreferrer" target="_blank" className="title">
                    {name}
                  </a>
                  <p className="meta">
                    {follow.paused
                      ? 'Paused'
                      : `Next check ${new Date(follow.next_check_at).toLocaleString()}`}
                    {follow.checked_at && <> · last checked {new Date(follow.checked_at).toLocaleString()}</>}
                    {' · '}
                    {follow.collections} collection{follow.collections === 1 ? '' : 's'}
                    {follow.latest_collection_id && (
                      <>
                        {' · '}
                        <a href={`#/collections/${follow.latest_collection_id}`}>the latest</a>
                      </>
                    )}
                  </p>
                  {follow.last_error && (
                    <p className="alert" role="status">
                      {follow.last_error}
                    </p>
                  )}
                </div>
                <div className="row">
                  <button
                    type="button"
                    className="secondary"
                    onClick={() =>
                      act(() => api.pauseFollow(follow.id, !follow.paused), follow.paused ? `Resumed “${name}”.` : `Paused “${name}”.`)
                    }
                  >
                    {follow.paused ? 'Resume' : 'Pause'}
                    <span className="visually-hidden"> {name}</span>
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      if (window.confirm(`Stop following “${name}”? Its collections stay in your library.`)) {
                        void act(() => api.removeFollow(follow.id), `Stopped following “${name}”.`);
                      }
                    }}
                  >
                    Stop following<span className="visually-hidden"> {name}</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
