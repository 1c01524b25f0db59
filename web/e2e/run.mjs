// End-to-end test in headless Chromium (Debian's chromium, driven by playwright-core) against the
// real jar: upload the one-hour talk, follow the bar to 100 %, read the summary, summarize a
// (replayed) YouTube video while a proxy drops the live stream and find it on the activity page,
// seek the embedded player from a key point, be offered the summary when submitting the video again,
// export it, search the library by words with highlighted snippets, see a permanent failure without
// "Try again", delete; in multi-user mode an administrator makes a user and a token in the web app
// and the command line works with that token while the server runs. Fails on any browser console
// error; screenshots go to target/e2e-*.png. Run by `./mvnw verify` after the jar is built (`npm run e2e`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const target = path.join(root, 'target');
// the launcher, as the README runs it: Spring AOT bean definitions and the JVM's start-up archive
const launcher = path.join(target, 'bin', 'sightline');
const talk = path.join(root, 'src/test/resources/subtitles/IO2009-The_Myth_of_the_Genius_Programmer.srt');
const tearsOfSteel = path.join(root, 'src/test/resources/subtitles/TOS-en.srt');
const javascriptTalk = path.join(root, 'web/e2e/fixtures/JavaScript_TheGoodParts.srt');
const video = 'GJLlxj_dtq8';
const videoTitle = 'Surface Go Review - It’s Awesome';
const recordings = path.join(root, 'src/test/resources/youtube/jdepoix');
// YouTube's 2026 answers for playlists and channels (NewPipeExtractor's recordings, GPL-3.0; see NOTES.md there)
const listRecordings = path.join(root, 'src/test/resources/youtube/newpipe');

/** What a list request asks for (browse id and parameters, continuation, or address), whatever else its body holds. */
const listKey = (body) => {
  const asked = JSON.parse(body || '{}');
  return [asked.browseId, asked.params, asked.continuation, asked.url].map((part) => part ?? '').join('|');
};

/** The recorded list answers, by what their request asked for. */
function recordedLists() {
  const answers = new Map();
  for (const folder of ['youtubeplaylistextractor_continuationss', 'youtubechanneltabextractor_videos']) {
    for (const name of readdirSync(path.join(listRecordings, folder)).filter((file) => file.endsWith('.json'))) {
      const exchange = JSON.parse(readFileSync(path.join(listRecordings, folder, name), 'utf8'));
      const body = Buffer.from((exchange.request.dataToSend ?? []).map((byte) => byte & 0xff)).toString('utf8');
      answers.set(listKey(body), exchange.response.responseBody);
    }
  }
  return answers;
}

const browserPath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (candidate) => candidate && existsSync(candidate),
);
if (!browserPath) {
  const message = 'The browser test needs Chromium: install it with `apt-get install chromium` (.ci/run does), or set CHROMIUM_PATH.';
  if (process.env.CI) {
    console.error(message);
    process.exit(1);
  }
  console.warn(`SKIPPED: ${message}`);
  process.exit(0);
}

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** An RSS feed of one episode whose transcript is the talk's subtitles. */
function podcastFeed(port) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0">
  <channel><title>Talks on tape</title><link>http://127.0.0.1:${port}/podcast</link><language>en</language>
    <item><title>Tears of Steel (audio)</title><guid>ep-1</guid>
      <pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate>
      <enclosure url="http://127.0.0.1:${port}/podcast/1.mp3" type="audio/mpeg" length="1000"/>
      <podcast:transcript url="http://127.0.0.1:${port}/podcast/1.srt" type="application/x-subrip"/>
    </item>
  </channel>
</rss>`;
}

/** A slow local YouTube: the recorded responses, each after a pause, so a task runs long enough to watch. */
function startYouTubeReplay(port) {
  const file = (name) => readFileSync(path.join(recordings, name));
  const lists = recordedLists();
  return http
    .createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const url = new URL(request.url, 'http://replay');
        const send = (name, type, content = file(name)) =>
          setTimeout(() => {
            response.writeHead(200, { 'Content-Type': type });
            response.end(content);
          }, 1500);
        if (url.pathname === '/watch') send('youtube.html.static', 'text/html; charset=utf-8');
        else if (url.pathname === '/youtubei/v1/player') send('youtube.innertube.json.static', 'application/json');
        else if (url.pathname === '/youtubei/v1/browse' || url.pathname === '/youtubei/v1/navigation/resolve_url') {
          const recorded = lists.get(listKey(body));
          if (recorded) send(null, 'application/json', recorded);
          else {
            response.writeHead(400);
            response.end();
          }
        }
        else if (url.pathname === '/api/timedtext') send('transcript.xml.static', 'text/xml; charset=utf-8');
        // a podcast host on the same server: a feed whose episode has a transcript
        else if (url.pathname === '/podcast/feed.xml') send(null, 'application/rss+xml', podcastFeed(port));
        else if (url.pathname === '/podcast/1.srt') send(null, 'application/x-subrip', readFileSync(tearsOfSteel));
        // a page with no text to read: a permanent failure
        else if (url.pathname === '/empty.html') send(null, 'text/html', '<html><head><title>Empty</title></head><body></body></html>');
        else {
          response.writeHead(404);
          response.end();
        }
      });
    })
    .listen(port, '127.0.0.1');
}

/**
 * The browser's way to the server. Passes everything through; while `dropEvents` is set, an event
 * stream is ended after its first event and a reconnect is told to stop (HTTP 204), as a flaky
 * proxy or network would, so the page must fall back to polling.
 */
const proxyState = { dropEvents: false, dropped: 0 };
function startProxy(port, serverPort) {
  return http
    .createServer((request, response) => {
      const isEvents = request.url.endsWith('/events');
      if (isEvents && proxyState.dropEvents && proxyState.dropped > 0) {
        response.writeHead(204);
        response.end();
        return;
      }
      const upstream = http.request(
        { host: '127.0.0.1', port: serverPort, path: request.url, method: request.method, headers: request.headers },
        (answer) => {
          response.writeHead(answer.statusCode, answer.headers);
          if (isEvents && proxyState.dropEvents) {
            answer.once('data', (chunk) => {
              response.end(chunk);
              answer.destroy();
              proxyState.dropped++;
            });
          } else {
            answer.pipe(response);
          }
        },
      );
      upstream.on('error', () => response.destroy());
      request.pipe(upstream);
    })
    .listen(port, '127.0.0.1');
}

async function waitForHealth(url, server) {
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the server did not become healthy within 60 s');
}

const check = (condition, message) => {
  if (!condition) throw new Error(message);
};

const [serverPort, replayPort, proxyPort, multiPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
const replay = startYouTubeReplay(replayPort);
const proxy = startProxy(proxyPort, serverPort);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sightline-e2e-'));
// a model is configured (at an address where none answers): the llm summarizer must be offered,
// although the build's ahead-of-time processing ran without one
const server = spawn(
  launcher,
  [`--server.port=${serverPort}`, `--sightline.data-dir=${dataDir}`,
    `--sightline.youtube.base-url=http://127.0.0.1:${replayPort}`, '--sightline.tasks.write-interval=20ms',
    '--spring.ai.openai.base-url=http://127.0.0.1:9/v1', '--spring.ai.openai.chat.options.model=e2e-model',
    '--sightline.tasks.max-attempts=1', '--sightline.fetch.allow-private-networks=true'],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
let serverLog = '';
server.stdout.on('data', (chunk) => {
  serverLog += chunk;
});
const base = `http://127.0.0.1:${proxyPort}`;
// a second server in multi-user mode, with its first administrator from the environment
const multiDataDir = mkdtempSync(path.join(os.tmpdir(), 'sightline-e2e-multi-'));
const adminPassword = 'e2e admin password';
const multiServer = spawn(launcher, [`--server.port=${multiPort}`, `--sightline.data-dir=${multiDataDir}`], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, SIGHTLINE_SECURITY_MODE: 'multi-user', SIGHTLINE_SECURITY_ADMIN_NAME: 'admin',
    SIGHTLINE_SECURITY_ADMIN_PASSWORD: adminPassword },
});
const multiBase = `http://127.0.0.1:${multiPort}`;
const consoleErrors = [];
let browser;
let failed = false;
try {
  await waitForHealth(`http://127.0.0.1:${serverPort}/actuator/health`, server);
  browser = await chromium.launch({
    executablePath: browserPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  // the embedded player is YouTube's, which this test does not reach: a stand-in page answers
  const playerLoads = [];
  await context.route('https://www.youtube-nocookie.com/**', (route) => {
    playerLoads.push(route.request().url());
    return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>player</title>' });
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  page.on('dialog', (dialog) => dialog.accept());
  const shot = (name) => page.screenshot({ path: path.join(target, `e2e-${name}.png`), fullPage: true });

  // 1. Upload the one-hour talk, watch the bar reach 100 %, land on the summary.
  await page.goto(`${base}/`);
  await page.getByRole('heading', { name: 'Summarize a video, an article or a transcript' }).waitFor();
  await shot('home');
  await page.locator('[data-testid=file]').setInputFiles(talk);
  await page.waitForURL(/#\/tasks\//);
  await page.locator('[role=progressbar][aria-valuenow="100"]').waitFor({ timeout: 60_000 });
  await shot('task-done');
  await page.waitForURL(/#\/summaries\//, { timeout: 30_000 });
  await page.getByRole('heading', { name: 'Key points' }).waitFor();
  check((await page.locator('.points li').count()) >= 5, 'the summary shows at least five key points');
  check((await page.title()).endsWith(' · Sightline') && (await page.title()) !== 'Summary · Sightline',
    `the summary page is titled with the summary's title: ${await page.title()}`);
  // the hour-long talk has no chapters of its own: the offline summarizer finds them
  await page.getByRole('heading', { name: 'Chapters' }).waitFor();
  const chapters = await page.locator('section[aria-labelledby=chapters-title] li').count();
  check(chapters >= 4 && chapters <= 12, `the talk gets 4 to 12 chapters, not ${chapters}`);
  check((await page.getByText('TL;DR').count()) > 0, 'the summary shows a TL;DR');
  await shot('summary-upload');

  // 1b. Ask about the talk: the answer comes from the transcript, with its moments, and stays after a reload.
  await page.getByLabel('Your question').fill('What do they say about code reviews?');
  await page.getByRole('button', { name: 'Ask', exact: true }).click();
  await page.locator('.conversation .answer').first().waitFor({ timeout: 30_000 });
  const answer = await page.locator('.conversation .answer').first().textContent();
  check(/the transcript says/i.test(answer), `the answer quotes the transcript: ${answer}`);
  check((await page.locator('.conversation .passages li').count()) > 0, 'the answer lists its passages');
  await page.reload();
  await page.locator('.conversation .question').first().waitFor({ timeout: 10_000 });
  check((await page.locator('.conversation > li').count()) === 1, 'the conversation is kept');
  await shot('summary-question');

  // 2. A YouTube video while the live stream drops: the page polls and still reaches 100 %.
  proxyState.dropEvents = true;
  await page.goto(`${base}/#/`);
  await page.getByLabel('YouTube video, playlist or channel, podcast feed, or web page address').fill('https://www.youtube.com/watch?v=GJLlxj_dtq8');
  await page.getByRole('button', { name: 'Summarize', exact: true }).click();
  await page.waitForURL(/#\/tasks\//);
  await page.getByText('live updates lost, checking every 2 s').waitFor({ timeout: 30_000 });
  // the task page says what it summarizes: the address, then the video's title once read
  await page.locator('.task-what', { hasText: videoTitle }).waitFor({ timeout: 30_000 });
  await shot('task-polling');
  await page.locator('[role=progressbar][aria-valuenow="100"]').waitFor({ timeout: 60_000 });
  check(proxyState.dropped > 0, 'the proxy dropped the event stream');
  proxyState.dropEvents = false;
  await page.waitForURL(/#\/summaries\//, { timeout: 30_000 });
  await page.getByRole('heading', { name: 'Key points' }).waitFor();
  check((await page.title()) === `${videoTitle} · Sightline`, `the summary page is titled with the video's title: ${await page.title()}`);
  const summaryUrl = page.url();
  // the activity page lists it with its title, from any tab or browser
  await page.getByRole('link', { name: /^Activity/ }).click();
  await page.getByRole('heading', { name: 'Activity' }).waitFor();
  await page.locator('.activity .title', { hasText: videoTitle }).waitFor({ timeout: 10_000 });
  check((await page.title()) === 'Activity · Sightline', 'the activity page has its title');
  await shot('activity');
  await page.goto(summaryUrl);
  await page.getByRole('heading', { name: 'Key points' }).waitFor();
  const summaryId = summaryUrl.split('/').pop();
  // the embedded privacy-enhanced player; a key point's time points it at that moment
  const player = page.locator('[data-testid=player]');
  check((await player.getAttribute('src')).startsWith(`https://www.youtube-nocookie.com/embed/${video}`), 'the video is embedded from youtube-nocookie.com');
  const timed = page.locator('.points button.time');
  const timedCount = await timed.count();
  check(timedCount > 0, 'the key points have their times');
  check((await page.locator('[data-testid=timeline] .mark.key-point').count()) === timedCount,
    'the timeline strip has one mark per timed key point');
  const last = timed.nth(timedCount - 1);
  const label = await last.textContent();
  const [minutes, seconds] = label.split(':').map(Number);
  await last.click();
  await page.waitForFunction(
    (start) => globalThis.document.querySelector('[data-testid=player]').getAttribute('src').includes(`start=${start}&autoplay=1`),
    minutes * 60 + seconds,
    { timeout: 5_000 },
  ).catch(async () => {
    throw new Error(`the key point at ${label} seeks the player: ${await player.getAttribute('src')}`);
  });
  await shot('summary-youtube');

  // the export holds the source address and times linked to the video
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download .md' }).click()]);
  const exported = readFileSync(await download.path(), 'utf8');
  check(exported.includes(`- Source: <https://www.youtube.com/watch?v=${video}>`), `the export names its source:\n${exported}`);
  check(new RegExp(`\\]\\(https://www\\.youtube\\.com/watch\\?v=${video}&t=\\d+s\\)`).test(exported), `the export links its times:\n${exported}`);
  await page.getByRole('button', { name: 'Show the Markdown' }).click();
  check((await page.locator('[data-testid=markdown-source]').textContent()).includes('## Key points'), 'the raw Markdown is shown');

  // submitting the same video again (as a short link) offers the summary the library has
  await page.goto(`${base}/#/`);
  await page.getByLabel('YouTube video, playlist or channel, podcast feed, or web page address').fill(`youtu.be/${video}`);
  await page.getByRole('button', { name: 'Summarize', exact: true }).click();
  await page.locator('[data-testid=existing]').waitFor({ timeout: 10_000 });
  check((await page.locator('[data-testid=existing] a', { hasText: videoTitle }).getAttribute('href')) === `#/summaries/${summaryId}`,
    'the offer opens the existing summary');
  await shot('offer-existing');
  check(page.url().endsWith('#/'), 'nothing was submitted');

  // a permanent failure says what happened and offers no "Try again"
  await page.getByLabel('YouTube video, playlist or channel, podcast feed, or web page address').fill(`http://127.0.0.1:${replayPort}/empty.html`);
  await page.getByRole('button', { name: 'Summarize', exact: true }).click();
  await page.waitForURL(/#\/tasks\//);
  await page.getByRole('heading', { name: 'Task error' }).waitFor({ timeout: 30_000 });
  check((await page.getByText('No readable text was found').count()) > 0, 'the failure says what happened');
  check((await page.getByRole('link', { name: 'Try again' }).count()) === 0, 'a permanent failure offers no Try again');
  await shot('task-permanent-failure');

  // 2b. The server runs on the bean definitions prepared at build time, and the model set at start
  // is what it offers: an llm summary is accepted (and fails later, as nothing answers there), not
  // refused as "needs a model".
  check(serverLog.includes('Starting AOT-processed SightlineApplication'), 'the server runs on its AOT bean definitions');
  const form = new FormData();
  form.append('file', new Blob(['1\n00:00:01,000 --> 00:00:04,000\nA short line to summarize.\n']), 'short.srt');
  form.append('summarizer', 'llm');
  const llm = await fetch(`http://127.0.0.1:${serverPort}/api/summaries`, { method: 'POST', body: form });
  check(llm.status === 202, `an llm summary is accepted when a model is configured: ${llm.status} ${await llm.text()}`);

  // 2c. A playlist: its first three videos, each in a row with its own moving bar, then one's summary.
  await page.goto(`${base}/#/`);
  await page
    .getByLabel('YouTube video, playlist or channel, podcast feed, or web page address')
    .fill('https://www.youtube.com/playlist?list=PLoumn5BIsUDeGF1vy5Nylf_RJKn5aL_nr');
  await page.getByLabel('Items of a playlist, channel or feed').fill('3');
  await page.getByRole('button', { name: 'Summarize', exact: true }).click();
  await page.waitForURL(/#\/tasks\//);
  await page.getByRole('heading', { name: /TOP 150 Songs 2026/ }).waitFor({ timeout: 30_000 });
  check((await page.locator('.collection > li').count()) === 3, 'the collection shows a row per video');
  // a row moves while another still waits its turn
  await page.waitForFunction(
    () => [...globalThis.document.querySelectorAll('.collection [role=progressbar]')].some((bar) => {
      const value = Number(bar.getAttribute('aria-valuenow'));
      return value > 0 && value < 100;
    }),
    null,
    { timeout: 30_000, polling: 100 },
  );
  await shot('collection-moving');
  await page.locator('[role=progressbar][aria-label="Progress of all the items"][aria-valuenow="100"]').waitFor({ timeout: 90_000 });
  await page.locator('.collection > li[data-status=completed]').nth(2).waitFor({ timeout: 10_000 });
  await shot('collection-done');
  await page.locator('.collection .item-title a').first().click();
  await page.waitForURL(/#\/summaries\//);
  await page.getByRole('heading', { name: 'Key points' }).waitFor();

  // 2d. A podcast feed, followed: its episode is summarized from the feed's transcript, the follow is
  // listed and can be paused; in the library the playlist is one entry that opens to its rows.
  await page.goto(`${base}/#/`);
  await page
    .getByLabel('YouTube video, playlist or channel, podcast feed, or web page address')
    .fill(`http://127.0.0.1:${replayPort}/podcast/feed.xml`);
  await page.getByLabel('Follow the channel or feed: summarize new items as they come').check();
  await page.getByRole('button', { name: 'Summarize', exact: true }).click();
  await page.waitForURL(/#\/tasks\//);
  await page.getByRole('heading', { name: 'Talks on tape' }).waitFor({ timeout: 30_000 });
  await page.locator('.collection > li[data-status=completed]').first().waitFor({ timeout: 60_000 });
  await page.getByRole('link', { name: 'Follows' }).click();
  await page.getByRole('heading', { name: 'Follows' }).waitFor();
  await page.locator('.follows .title', { hasText: 'Talks on tape' }).waitFor({ timeout: 10_000 });
  await page.getByRole('button', { name: 'Pause Talks on tape' }).click();
  await page.locator('.follows .item[data-paused=true]').waitFor({ timeout: 10_000 });
  await shot('follows');
  await page.goto(`${base}/#/library`);
  await page.getByRole('link', { name: /TOP 150 Songs 2026/ }).click();
  await page.waitForURL(/#\/collections\//);
  await page.locator('.collection > li').nth(2).waitFor({ timeout: 10_000 });
  check((await page.locator('.collection > li').count()) === 3, 'the collection page lists its three videos');
  await shot('collection-page');

  // 3. The library: search, then delete with confirmation.
  await page.goto(`${base}/#/library`);
  await page.getByRole('heading', { name: 'Library' }).waitFor();
  await page.locator('.library .item').nth(1).waitFor();
  await shot('library');
  // words in any order find the JavaScript talk, with the words marked in a snippet; the search is in the address
  await page.goto(`${base}/#/`);
  await page.locator('[data-testid=file]').setInputFiles(javascriptTalk);
  await page.waitForURL(/#\/summaries\//, { timeout: 60_000 });
  await page.goto(`${base}/#/library`);
  await page.getByLabel('Search titles, channels, summaries and transcripts').fill('good parts');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(/#\/library\?q=good\+parts/);
  const found = page.locator('.library .item', { hasText: 'JavaScript' }).first();
  await found.locator('[data-testid=snippet] mark').first().waitFor({ timeout: 10_000 });
  const marked = await found.locator('[data-testid=snippet] mark').allTextContents();
  check(marked.some((word) => /good/i.test(word)) && marked.some((word) => /parts/i.test(word)),
    `the snippet marks the words found: ${marked}`);
  await shot('library-search');
  await page.reload();
  await page.locator('.library .item', { hasText: 'JavaScript' }).first().waitFor({ timeout: 10_000 });
  check((await page.getByLabel('Search titles, channels, summaries and transcripts').inputValue()) === 'good parts',
    'a reload keeps the search');

  await page.getByLabel('Search titles, channels, summaries and transcripts').fill('genius');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForFunction(() => globalThis.document.querySelectorAll('.library .item').length === 1, null, { timeout: 10_000 });
  check((await page.locator('.library .title').first().textContent()).includes('Genius'), 'the search finds the talk');
  await page.getByRole('button', { name: /^Delete/ }).click();
  await page.getByText('Nothing matches “genius”').waitFor();
  await shot('library-after-delete');

  // 4. Phone width: the library still reads.
  await page.setViewportSize({ width: 390, height: 800 });
  await page.getByRole('link', { name: 'Summarize' }).click();
  await page.getByRole('link', { name: 'Library' }).click();
  await page.locator('.library .item').first().waitFor();
  await shot('library-phone');

  // 5. Multi-user mode: sign in (a wrong password is refused), summarize, sign out.
  await waitForHealth(`${multiBase}/actuator/health`, multiServer);
  const signedOut = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const multi = await signedOut.newPage();
  multi.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('401')) consoleErrors.push(message.text());
  });
  multi.on('pageerror', (error) => consoleErrors.push(String(error)));
  await multi.goto(`${multiBase}/`);
  await multi.getByRole('heading', { name: 'Sign in' }).waitFor();
  await multi.getByLabel('Name').fill('admin');
  await multi.getByLabel('Password').fill('not the password');
  await multi.getByRole('button', { name: 'Sign in' }).click();
  await multi.getByText('The name or the password is wrong').waitFor();
  await multi.getByLabel('Password').fill(adminPassword);
  await multi.getByRole('button', { name: 'Sign in' }).click();
  await multi.getByRole('heading', { name: 'Summarize a video, an article or a transcript' }).waitFor();
  await multi.screenshot({ path: path.join(target, 'e2e-multi-user-home.png'), fullPage: true });
  await multi.locator('[data-testid=file]').setInputFiles(talk);
  await multi.locator('[role=progressbar][aria-valuenow="100"]').waitFor({ timeout: 60_000 });
  await multi.waitForURL(/#\/summaries\//, { timeout: 30_000 });
  await multi.getByRole('heading', { name: 'Key points' }).waitFor();

  // the administrator adds a user and makes them a token in the web app; the command line uses it
  // while the server runs
  await multi.getByRole('link', { name: 'admin', exact: true }).click();
  await multi.getByRole('heading', { name: 'Account: admin' }).waitFor();
  await multi.getByLabel("New user's name").fill('e2e-user');
  await multi.getByLabel("New user's password").fill('e2e user password');
  await multi.getByRole('button', { name: 'Add the user' }).click();
  const row = multi.locator('[data-user=e2e-user]');
  await row.waitFor({ timeout: 10_000 });
  await row.getByRole('button', { name: 'Tokens of e2e-user' }).click();
  await row.getByLabel('Token label').fill('e2e cli');
  await row.getByRole('button', { name: 'Create a token' }).click();
  const token = (await row.locator('[data-testid=new-token]').textContent()).trim();
  check(token.startsWith('sl_'), `the web app shows the new token once: ${token}`);
  await multi.screenshot({ path: path.join(target, 'e2e-account.png'), fullPage: true });
  const cli = spawnSync(launcher, ['library', '--server', multiBase, '--format', 'json'], {
    env: { ...process.env, SIGHTLINE_TOKEN: token },
    encoding: 'utf8',
    timeout: 60_000,
  });
  check(cli.status === 0, `the command line works with the token while the server runs: ${cli.status} ${cli.stderr}`);
  check(JSON.parse(cli.stdout).total === 0, `the new user's library is their own: ${cli.stdout}`);
  const whoami = await fetch(`${multiBase}/api/session`, { headers: { Authorization: `Bearer ${token}` } });
  check((await whoami.json()).name === 'e2e-user', 'the token is the new user\'s');

  await multi.getByRole('button', { name: 'Sign out' }).click();
  await multi.getByRole('heading', { name: 'Sign in' }).waitFor();
  await multi.screenshot({ path: path.join(target, 'e2e-multi-user-signed-out.png'), fullPage: true });

  check(consoleErrors.length === 0, `the browser console stayed clean, but logged:\n${consoleErrors.join('\n')}`);
  console.log('e2e: all checks passed; screenshots in target/e2e-*.png');
} catch (error) {
  failed = true;
  console.error(`e2e FAILED: ${error.message}`);
  const pages = browser ? browser.contexts().flatMap((context) => context.pages()) : [];
  for (const [index, open] of pages.entries()) {
    await open.screenshot({ path: path.join(target, `e2e-failure-${index}.png`), fullPage: true }).catch(() => undefined);
  }
  if (consoleErrors.length) console.error(`browser console errors:\n${consoleErrors.join('\n')}`);
} finally {
  await browser?.close();
  server.kill('SIGTERM');
  multiServer.kill('SIGTERM');
  replay.close();
  proxy.close();
}
process.exit(failed ? 1 : 0);
