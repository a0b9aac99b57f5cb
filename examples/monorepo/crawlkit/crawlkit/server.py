"""A tiny HTTP server with a /health endpoint, the shape of the seed projects' crawler service."""
from http.server import BaseHTTPRequestHandler, HTTPServer

from .__version__ import __version__


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        body = (f'{{"status": "ok", "version": "{__version__}"}}' if self.path == "/health" else "crawlkit").encode()
        self.send_response(200 if self.path in ("/", "/health") else 404)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)


def main():
    HTTPServer(("0.0.0.0", 8000), Handler).serve_forever()


if __name__ == "__main__":
    main()
