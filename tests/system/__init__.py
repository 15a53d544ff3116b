"""System tests: real server processes on 127.0.0.1, external engines, headless Chromium, and the
documented commands run as a user types them."""
