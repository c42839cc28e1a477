#!/usr/bin/python3
# check-serve.py: room voting from the command line, every participant
# of the example voting by HTTP, and the requests it must refuse
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Vote for every participant of the example by HTTP; try what must fail.

    check-serve.py --exe iap-workshop --example example.iapw --output DIR

A first `serve --new-round` (round 2) takes two votes and is stopped with
SIGTERM: it saves them. Round 2 is then closed (as the window would) and
a second `serve --new-round --port=0 --codes` opens round 3 on 127.0.0.1.
Before anyone votes: a wrong code, round 2's code, a form without its
token, a body too large, a body of unknown length, a Host that is not the
server and a foreign method are refused, each with its HTTP status and a
line on standard error; more than five wrong codes in a minute from one
address (127.0.0.2) are refused with 429, while 127.0.0.1 still votes.
Then the 13 participants join with their codes, page by page, as a
browser would without JavaScript, and score the 12 risks with known
scores; one changes an answer. The server stops by itself once everyone
has voted, saves FILE (a draft of the votes exists meanwhile, and is
gone after), and nothing listens on its port any more (ss -ltn). Every
rating must be in FILE, and once the round is revealed, every count and
median in `summary --json`. Every answer carries the security headers.
Prints TAP.
"""

import argparse
import glob
import html.parser
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tap import ok, plan  # noqa: E402

NS = "https://iapworkshop.github.io/ns/workshop/1"
HEADERS = {
    "content-security-policy": "default-src 'self'",
    "x-frame-options": "DENY",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
}
CODE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4})+$")
missing_headers = []
LOCALEDIR = ""


def score(p, r):
    """The known score of participant p (1-13) for risk r (1-12)."""
    return 1 + (p * 2 + r) % 5, 1 + (p + r * 3) % 5


def lower_median(values):
    values = sorted(values)
    return values[(len(values) + 1) // 2 - 1]


class Form(html.parser.HTMLParser):
    """The token, the radio buttons and the form's action of a page."""

    def __init__(self, text):
        super().__init__()
        self.token = None
        self.action = None
        self.radios = {}
        self.lang = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "form" and a.get("method") == "post":
            self.action = a.get("action")
        if tag == "input" and a.get("name") == "token":
            self.token = a.get("value")
        if tag == "input" and a.get("type") == "radio":
            self.radios.setdefault(a["name"], []).append((a["value"], "checked" in a))


class Phone:
    """A browser without JavaScript: follows no redirect by itself."""

    def __init__(self, host, port, source="127.0.0.1", language=None):
        self.host, self.port, self.source, self.language = host, port, source, language
        self.cookies = {}

    def request(self, method, path, body=None, headers=None, host_header=None):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30,
                                                source_address=(self.source, 0))
        h = dict(headers or {})
        if self.language:
            h["Accept-Language"] = self.language
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None and "Content-Type" not in h:
            h["Content-Type"] = "application/x-www-form-urlencoded"
        if host_header is not None:
            connection.putrequest(method, path, skip_host=True)
            connection.putheader("Host", host_header)
            for k, v in h.items():
                connection.putheader(k, v)
            connection.endheaders(body.encode() if body else None)
        else:
            connection.request(method, path, body=body, headers=h)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            self.cookies[name] = rest.split(";")[0]
        check_headers(method, path, response)
        connection.close()
        return response.status, response.headers, text

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, fields, **kw):
        return self.request("POST", path, body=urllib.parse.urlencode(fields), **kw)


def check_headers(method, path, response):
    if response.status == 421:
        return
    for name, value in HEADERS.items():
        if value not in (response.headers.get(name) or ""):
            missing_headers.append((method, path, response.status, name))


def path_of(location):
    parsed = urllib.parse.urlsplit(location)
    return parsed.path + ("?" + parsed.query if parsed.query else "")


def run(exe, *args):
    return subprocess.run([exe, *args], env=environment(), capture_output=True, text=True, timeout=120)


def environment():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    # The laptop in English, whatever the phones read
    env.update(LC_ALL="C.UTF-8", LANGUAGE="", IAP_WORKSHOP_LOCALEDIR=LOCALEDIR)
    return env


def listening(port):
    out = subprocess.run(["ss", "-Hltn"], capture_output=True, text=True).stdout
    return [line.split()[3] for line in out.splitlines() if line.split()[3].endswith(f":{port}")]


def listen_queue(port):
    """How many connections may wait to be accepted (ss: Send-Q of LISTEN)"""
    out = subprocess.run(["ss", "-Hltn"], capture_output=True, text=True).stdout
    return [int(line.split()[2]) for line in out.splitlines() if line.split()[3].endswith(f":{port}")]


def half_closed(port):
    """The server's connections the phone has closed and it has not"""
    out = subprocess.run(["ss", "-Htan", "state", "close-wait", f"( sport = :{port} )"],
                         capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if line.strip()]


def kept_connection(server, code):
    """Page, vote, next page on one connection, as a browser sends them"""
    connection = http.client.HTTPConnection(server.host, server.port, timeout=30)
    connection.request("GET", f"/v/{code}/1")
    page = connection.getresponse()
    form = Form(page.read().decode("utf-8", "replace"))
    first = connection.sock
    connection.request("POST", form.action, body=urllib.parse.urlencode({"token": form.token, "likelihood": 4,
                                                                         "impact": 1}),
                       headers={"Content-Type": "application/x-www-form-urlencoded"})
    answer = connection.getresponse()
    answer.read()
    kept = (answer.status, answer.will_close)
    connection.request("GET", path_of(answer.headers.get("Location", "")))
    after = connection.getresponse()
    after.read()
    same = connection.sock is first
    connection.close()
    return kept, after.status, same


class Server:
    def __init__(self, exe, workshop, *args):
        self.process = subprocess.Popen([exe, "serve", workshop, *args], env=environment(),
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.url = self.process.stdout.readline().strip()
        parsed = urllib.parse.urlsplit(self.url)
        self.host, self.port = parsed.hostname, parsed.port
        self.codes = {}

    def read_codes(self, n):
        for _ in range(n):
            participant, _, code = self.process.stdout.readline().strip().partition("\t")
            self.codes[participant] = code

    def finish(self, timeout=60):
        try:
            out, err = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            out, err = self.process.communicate()
        return self.process.returncode, err


def vote(phone, code, p, risks, change=None):
    """Joins with code and answers each risk in turn; the last page seen"""
    status, headers, _ = phone.get("/join?" + urllib.parse.urlencode({"code": code.lower().replace('-', ' ')}))
    path = path_of(headers.get("Location", ""))
    status, headers, _ = phone.get(path)
    path = path_of(headers.get("Location", ""))
    seen = []
    for r in range(1, risks + 1):
        status, headers, text = phone.get(path)
        form = Form(text)
        seen.append((status, form.action, form.token is not None))
        likelihood, impact = score(p, r)
        if change == r:
            phone.post(form.action, {"token": form.token, "likelihood": 1 + likelihood % 5, "impact": impact})
        status, headers, _ = phone.post(form.action, {"token": form.token, "likelihood": likelihood,
                                                      "impact": impact})
        if status != 303:
            return seen, (status, path)
        path = path_of(headers["Location"])
    return seen, phone.get(path)


def first_round(args, workshop):
    """Round 2: two votes, then SIGTERM saves them"""
    server = Server(args.exe, workshop, "--new-round", "--address=127.0.0.1", "--port=0", "--codes")
    server.read_codes(13)
    ok(server.url.startswith("http://127.0.0.1:") and len(server.codes) == 13,
       "serve prints the address, then 13 participant<TAB>code lines", (server.url, server.codes))
    bits = [len(c.replace("-", "")) * 5 for c in server.codes.values()]
    ok(all(CODE.match(c) for c in server.codes.values()) and min(bits) >= 64,
       f"join codes are readable Crockford base 32 of at least 64 bits ({min(bits)})", server.codes)
    ok(listening(server.port) == [f"127.0.0.1:{server.port}"],
       "it listens on 127.0.0.1 and on no other address", listening(server.port))
    ok(listen_queue(server.port) and listen_queue(server.port)[0] >= 64,
       "a room of phones connecting at once waits to be accepted, none dropped (listen queue of 64 or more)",
       listen_queue(server.port))

    phone = Phone(server.host, server.port)
    status, headers, _ = phone.get(f"/join?code={server.codes['p1']}")
    path = path_of(headers.get("Location", ""))
    status, headers, _ = phone.get(path)
    status, _, text = phone.get(path_of(headers.get("Location", "")))
    form = Form(text)
    status, headers, _ = phone.post(form.action, {"token": form.token, "likelihood": 2, "impact": 3})
    ok(status == 303 and "sent=1" in headers.get("Location", ""), "a vote is taken: 303 to the next risk, sent=1",
       (status, dict(headers)))

    time.sleep(3)
    drafts = glob.glob(os.path.join(os.environ["XDG_DATA_HOME"], "iap-workshop", "drafts", "*"))
    in_draft = any('participant="p1"' in open(d, encoding="utf-8", errors="replace").read() for d in drafts)
    ok(in_draft, "within seconds the vote is in a draft, so a crash loses none", drafts)

    kept, after, same = kept_connection(server, server.codes["p2"])
    ok(kept == (303, False) and after == 200 and same,
       "a phone's page, vote and next page go on one kept connection", (kept, after, same))
    # Every connection so far was closed by the phone after its answer
    for _ in range(20):
        if not half_closed(server.port):
            break
        time.sleep(0.5)
    ok(not half_closed(server.port), "the connections the phones closed are closed by the server within seconds",
       half_closed(server.port))

    server.process.send_signal(signal.SIGTERM)
    status, err = server.finish()
    ok(status == 0 and "Saved" in err, "on SIGTERM serve saves FILE and exits 0", err)
    ok(not listening(server.port), "nothing listens on the port after SIGTERM", listening(server.port))
    drafts = glob.glob(os.path.join(os.environ["XDG_DATA_HOME"], "iap-workshop", "drafts", "*"))
    ok(not drafts, "the draft is removed once FILE is saved", drafts)

    ET.register_namespace("", NS)
    tree = ET.parse(workshop)
    rnd = tree.getroot().findall(f"{{{NS}}}rounds/{{{NS}}}round")[-1]
    rating = rnd.find(f"{{{NS}}}rating[@participant='p1']")
    ok(rating is not None and rating.get("likelihood") == "2" and rating.get("impact") == "3",
       "the vote is in the saved FILE", ET.tostring(rnd)[:400])
    # Revealed and closed, as the window would
    rnd.set("state", "closed")
    tree.write(workshop, encoding="UTF-8", xml_declaration=True)
    return server.codes


def refusals(server, earlier):
    phone = Phone(server.host, server.port)
    status, _, text = phone.get("/")
    ok(status == 200 and "<form" in text and "Risk" not in text,
       "the join page says nothing of the workshop", text[:300])

    status, _, text = phone.get("/v/ABCD-EFGH-JKMN-PQRS/1")
    ok(status == 403 and "not one of this round" in text, "a wrong code: 403", (status, text[-400:]))
    status, _, text = phone.get(f"/v/{earlier['p2']}/1")
    ok(status == 403 and "earlier round" in text, "round 2's code in round 3: 403, said to be an earlier round's",
       (status, text[-400:]))

    status, headers, text = phone.get(f"/v/{server.codes['p2']}/1")
    form = Form(text)
    ok(status == 200 and form.token and form.action == f"/v/{server.codes['p2']}/1",
       "the risk page holds a form with its token", (status, text[:400]))
    status, _, _ = phone.post(form.action, {"likelihood": 3, "impact": 3})
    ok(status == 403, "a vote without its token (CSRF): 403", status)
    status, _, _ = phone.post(form.action, {"token": "0" * 32, "likelihood": 3, "impact": 3})
    ok(status == 403, "a vote with another token: 403", status)
    other = Form(phone.get(f"/v/{server.codes['p3']}/1")[2]).token
    status, _, _ = phone.post(form.action, {"token": other, "likelihood": 3, "impact": 3})
    ok(status == 403, "a vote with another participant's token: 403", status)
    status, _, _ = phone.post(form.action, {"token": form.token, "likelihood": 3, "impact": 9})
    ok(status == 422, "a level outside the scale: 422, nothing taken", status)

    big = "token=" + form.token + "&likelihood=3&impact=3&x=" + "a" * 100000
    status = oversized(server, form.action, big)
    ok(status == 413, "a body of 100 kB: 413 before it is read", status)
    status = chunked(server, form.action)
    ok(status == 411, "a body of unknown length (chunked): 411", status)
    status, _, _ = phone.get("/", host_header="attacker.example")
    ok(status == 421, "a Host header that is not the server: 421", status)
    status, headers, _ = phone.request("PUT", form.action, body="x")
    ok(status == 405, "PUT: 405", status)

    # An address that guesses is held off; the others are not
    guesser = Phone(server.host, server.port, source="127.0.0.2")
    statuses = [guesser.get(f"/join?code=AAAA-AAAA-AAAA-AAA{c}")[0] for c in "0123456"]
    ok(statuses[:5] == [403] * 5 and statuses[5:] == [429, 429],
       "more than five wrong codes in a minute from one address: 429", statuses)
    status, _, _ = guesser.get(f"/v/{server.codes['p5']}/1")
    ok(status == 429, "even its right code waits the minute out", status)
    status, _, _ = phone.get(f"/v/{server.codes['p5']}/1")
    ok(status == 200, "another address is not held off", status)


def oversized(server, path, body):
    with socket.create_connection((server.host, server.port), timeout=30) as s:
        head = (f"POST {path} HTTP/1.1\r\nHost: {server.host}:{server.port}\r\n"
                f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n\r\n")
        s.sendall(head.encode())
        try:
            s.sendall(body.encode())
        except OSError:
            pass
        return int(s.recv(4096).split()[1])


def chunked(server, path):
    with socket.create_connection((server.host, server.port), timeout=30) as s:
        s.sendall((f"POST {path} HTTP/1.1\r\nHost: {server.host}:{server.port}\r\n"
                   "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
                   "5\r\nhello\r\n0\r\n\r\n").encode())
        return int(s.recv(4096).split()[1])


def languages(server):
    french = Phone(server.host, server.port, language="fr-CA,fr;q=0.9,en;q=0.5")
    status, _, text = french.get("/")
    ok(status == 200 and Form(text).lang == "fr" and "Code de participation" in text,
       "Accept-Language: fr gives the page in French", text[:600])
    status, _, text = french.get(f"/v/{server.codes['p6']}/1")
    ok('lang="fr"' in text and "Probabilité" in text or "probable" in text,
       "the risk page and its scales in French", text[-1500:])
    status, _, text = french.get("/?lang=en")
    ok(Form(text).lang == "en" and "iap-lang" in french.cookies, "?lang=en switches to English, kept in a cookie",
       (french.cookies, text[:300]))
    status, _, text = french.get("/")
    ok(Form(text).lang == "en", "the choice holds on the next page", text[:300])
    status, _, text = french.get("/static/phone.css")
    ok(status == 200 and "font-family" in text and "http" not in text and "@import" not in text,
       "the style is served from the application and loads nothing from elsewhere", text[:200])


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--exe", required=True)
    parser.add_argument("--example", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--localedir", required=True)
    args = parser.parse_args()
    global LOCALEDIR
    LOCALEDIR = args.localedir

    shutil.rmtree(args.output, ignore_errors=True)
    os.makedirs(args.output)
    os.environ["XDG_DATA_HOME"] = os.path.join(args.output, "data")
    workshop = os.path.join(args.output, "workshop.iapw")
    shutil.copy(args.example, workshop)

    usage = run(args.exe, "serve", workshop)
    ok(usage.returncode == 2 and "--address" in usage.stderr, "serve without --address is a usage error (2)",
       usage.stderr)
    usage = run(args.exe, "serve", workshop, "--address=localhost")
    ok(usage.returncode == 2 and "IP address" in usage.stderr, "a host name is not an address (2)",
       usage.stderr)
    none = run(args.exe, "serve", workshop, "--address=127.0.0.1")
    ok(none.returncode == 1 and "--new-round" in none.stderr, "without an open round, serve says to start one",
       none.stderr)

    earlier = first_round(args, workshop)

    server = Server(args.exe, workshop, "--new-round", "--address=127.0.0.1", "--port=0", "--codes")
    server.read_codes(13)
    ok(server.codes and all(server.codes[p] != earlier[p] for p in earlier), "round 3 has codes of its own",
       (server.codes, earlier))
    refusals(server, earlier)
    languages(server)

    phones = {p: Phone(server.host, server.port) for p in range(1, 14)}
    problems = []
    last = None
    for p in range(1, 14):
        seen, last = vote(phones[p], server.codes[f"p{p}"], p, 12, change=5 if p == 4 else None)
        if not all(s == (200, f"/v/{server.codes[f'p{p}']}/{i + 1}", True) for i, s in enumerate(seen)):
            problems.append((p, seen))
        if not (last[0] == 200 and "all your 12 answers are with the facilitator" in last[2]):
            problems.append((p, last[0], last[2][-600:]))
    ok(not problems, "13 participants joined and answered 12 risks each, page by page; each saw \"Sent\"",
       problems)

    status, err = server.finish()
    ok(status == 0 and "Every participant has scored every risk" in err,
       "serve stops by itself once everyone has voted, and exits 0", err)
    ok(all(w in err for w in ("A wrong join code", "round 2", "form token", "too large")),
       "each refusal was printed with its reason", err)
    ok(not listening(server.port), "nothing listens on the port once the vote is over", listening(server.port))
    try:
        Phone(server.host, server.port).get(f"/v/{server.codes['p1']}/1")
        after = "answered"
    except OSError:
        after = "refused"
    ok(after == "refused", "a phone that votes after the close reaches nothing", after)
    ok(not missing_headers, "every answer forbids framing, caching and sniffing, with a CSP of 'self'",
       missing_headers[:20])

    tree = ET.parse(workshop)
    rnd = tree.getroot().findall(f"{{{NS}}}rounds/{{{NS}}}round")[-1]
    ratings = {(r.get("participant"), r.get("risk")): (int(r.get("likelihood")), int(r.get("impact")))
               for r in rnd.findall(f"{{{NS}}}rating")}
    expected = {(f"p{p}", f"r{r}"): score(p, r) for p in range(1, 14) for r in range(1, 13)}
    wrong = {k: (ratings.get(k), v) for k, v in expected.items() if ratings.get(k) != v}
    ok(not wrong and len(ratings) == 156, f"all 156 ratings are in FILE as voted ({len(ratings)})", wrong)

    rnd.set("state", "revealed")
    tree.write(workshop, encoding="UTF-8", xml_declaration=True)
    summary = run(args.exe, "summary", "--json", workshop)
    risks = {r["id"]: r for r in json.loads(summary.stdout)["risks"]} if summary.returncode == 0 else {}
    bad = []
    for r in range(1, 13):
        got = risks.get(f"r{r}", {})
        want = {"likelihood": lower_median([score(p, r)[0] for p in range(1, 14)]),
                "impact": lower_median([score(p, r)[1] for p in range(1, 14)])}
        if got.get("ratings") != 13 or got.get("median") != want:
            bad.append((r, got.get("ratings"), got.get("median"), want))
    ok(summary.returncode == 0 and not bad, "every risk's count and median in summary --json", bad or summary.stderr)

    return plan()


if __name__ == "__main__":
    sys.exit(main())
