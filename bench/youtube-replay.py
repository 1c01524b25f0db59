#!/usr/bin/env python3
"""A local YouTube for trying Sightline without the internet: replays the recorded responses in
src/test/resources/youtube/jdepoix (MIT, see its NOTICE.md) for any video id.

    python3 bench/youtube-replay.py 8099 &
    java -jar target/sightline.jar --sightline.youtube.base-url=http://127.0.0.1:8099
    curl -H 'Content-Type: application/json' \
         -d '{"url":"https://www.youtube.com/watch?v=GJLlxj_dtq8"}' localhost:8080/api/summaries

Every request is logged to stderr, so a cached second submission shows as no new lines."""
import http.server
import pathlib
import sys
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parent.parent / "src/test/resources/youtube/jdepoix"


class Replay(http.server.BaseHTTPRequestHandler):
    def answer(self, name, content_type, replace=None):
        body = (ROOT / name).read_bytes()
        if replace:
            body = body.replace(*replace)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        if url.path == "/watch":
            self.answer("youtube.html.static", "text/html; charset=utf-8")
        elif url.path == "/api/timedtext":
            self.answer("transcript.xml.static", "text/xml; charset=utf-8")
        else:
            self.send_error(404)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(length).decode()
        video = body.split('"videoId":"')[1].split('"')[0] if '"videoId":"' in body else "GJLlxj_dtq8"
        if urllib.parse.urlparse(self.path).path == "/youtubei/v1/player":
            self.answer("youtube.innertube.json.static", "application/json; charset=utf-8",
                        (b"timedtext?v=GJLlxj_dtq8", b"timedtext?v=" + video.encode()))
        else:
            self.send_error(404)


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8099
    http.server.ThreadingHTTPServer(("127.0.0.1", port), Replay).serve_forever()
