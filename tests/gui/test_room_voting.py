# test_room_voting.py: room voting from the round window, keyboard only
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Start room voting from the round window and take a phone's vote.

    /usr/bin/python3 test_room_voting.py --exe _build/app/iap-workshop \
        --example resources/example.iapw --output _build/tests/gui/screenshots

The example is opened and, keyboard only, its revealed round is closed
and a private round started on the Risk matrix step (Alt+G, Alt+C,
Alt+P); Alt+P again opens "Vote from Phones". Room voting is off by default: the window says so, Alt+A allows
it, Alt+N, End pick this computer's loopback address and Alt+S starts the
server. The window must then show the address, its QR code (with an
accessible name), every participant with a join code and "0 of N risks
scored". A phone (plain HTTP, no JavaScript) joins with the first
participant's code and answers every risk of the round: the window must
count one participant who has voted and show their count of scores,
never a level. Escape closes the window, and nothing listens on the
voting port any more (ss -ltn). Ctrl+S saves the phone's ratings in the
new round. Voting again, the presenter view shows the address and its QR
code, and no join code; Stop Voting takes them away and closes the
port. Screenshots: the window before and after the vote, the presenter
view.
"""

import html.parser
import http.client
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.parse
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iaptest  # noqa: E402
from iaptest import check  # noqa: E402

ENV = {"LANGUAGE": "", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
NS = "{https://iapworkshop.github.io/ns/workshop/1}"


def ok(message):
    print("ok -", message, flush=True)


def toplevel(app, name):
    return iaptest.wait_for(f"the window {name!r}",
                            lambda: next((n for n in app.root if n is not None and n.name == name), None))


def label_like(app, words, root, timeout=10):
    def find():
        return next((n for n in app.find_all("label", root=root) if words in app.read_text(n)), None)
    return iaptest.wait_for(f"a label saying {words!r}", find, timeout)


class Form(html.parser.HTMLParser):
    def __init__(self, text):
        super().__init__()
        self.token = self.action = None
        self.radios = {}
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("method") == "post":
            self.action = a.get("action")
        if tag == "input" and a.get("name") == "token":
            self.token = a.get("value")
        if tag == "input" and a.get("type") == "radio":
            self.radios.setdefault(a["name"], []).append(a["value"])


HOST = "127.0.0.1"


def request(port, method, path, body=None):
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    headers = {"Content-Type": "application/x-www-form-urlencoded"} if body else {}
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    text = response.read().decode("utf-8", "replace")
    connection.close()
    return response.status, response.headers, text


def path_of(location):
    return urllib.parse.urlsplit(location)._replace(scheme="", netloc="").geturl()


def vote(port, code):
    """Joins with code and answers every risk with its first levels; the number of answers"""
    status, headers, _ = request(port, "GET", "/join?" + urllib.parse.urlencode({"code": code}))
    check(status in (302, 303), f"joining with {code!r}: status {status}")
    path = path_of(headers["Location"])
    answered = 0
    for _ in range(100):
        status, headers, text = request(port, "GET", path)
        if status in (302, 303):
            path = path_of(headers["Location"])
            continue
        form = Form(text)
        if form.token is None or "likelihood" not in form.radios:
            return answered
        fields = {"token": form.token, "likelihood": form.radios["likelihood"][1],
                  "impact": form.radios["impact"][2]}
        status, headers, _ = request(port, "POST", form.action, urllib.parse.urlencode(fields))
        check(status == 303, f"a vote on {form.action}: status {status}")
        answered += 1
        path = path_of(headers["Location"])
    return answered


def listening(port):
    out = subprocess.run(["ss", "-Hltn"], capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if re.search(rf":{port}\s", line)]


def pick_loopback(session, app, window):
    """Alt+N opens the list of networks; the loopback addresses are last"""
    def loopback_items():
        return [n for n in app.find_all(None, root=app.root)
                if "this computer only" in (n.name or "") + app.read_text(n)]
    for attempt in range(3):
        time.sleep(0.5)
        session.press("alt+n")
        try:
            iaptest.wait_for("the list of networks", lambda: len(loopback_items()) > 0, 3)
            break
        except iaptest.TestFailure:
            if attempt == 2:
                raise
    time.sleep(0.3)
    session.press("End")
    session.press("Return")
    label_like(app, "this computer only", window)
    time.sleep(0.3)


def run(session, args, folder):
    path = os.path.join(folder, "example.iapw")
    shutil.copy(args.example, path)
    app = session.launch([args.exe, path], env=ENV)
    frame = app.find("frame")
    sidebar = app.find("list", "Workshop steps", root=frame)
    iaptest.wait_for("the first step to be selected", lambda: app.selected(sidebar) == ["Set-up"], 5)
    for _ in range(8):
        if app.selected(sidebar) == ["Risk matrix"]:
            break
        session.press("Down")
        time.sleep(0.3)
    iaptest.wait_for("Down to reach the Risk matrix step", lambda: app.selected(sidebar) == ["Risk matrix"], 5)
    session.press("alt+g")
    round_window = toplevel(app, "Scoring Round")
    # The example's round 1 is revealed: Alt+C closes it
    label_like(app, "revealed", round_window)
    session.press("alt+c")
    label_like(app, "No scoring round in progress", round_window)
    time.sleep(0.3)
    session.press("alt+p")
    progress = label_like(app, "have scored", round_window)
    ok(f"Alt+G, Alt+P start a private round: {app.read_text(progress).splitlines()[0]!r}")

    session.press("alt+p")
    window = toplevel(app, "Vote from Phones")
    label_like(app, "from their own phones over this room", window)
    ok("Alt+P opens Vote from Phones, which says room voting is off")
    session.press("alt+a")
    iaptest.wait_for("the Network row", lambda: app.find_all(None, "Network", root=window), 5)
    ok("Alt+A allows room voting")
    pick_loopback(session, app, window)
    session.screenshot("room-voting-setup")
    session.press("alt+s")
    url_label = iaptest.wait_for("the voting address",
                                 lambda: next((n for n in app.find_all("label", root=window)
                                               if app.read_text(n).startswith("http://")), None), 10)
    url = app.read_text(url_label).strip()
    global HOST
    HOST, port = urllib.parse.urlsplit(url).hostname, urllib.parse.urlsplit(url).port
    check(HOST in ("127.0.0.1", "::1"), f"the loopback address was picked, not {url}")
    check(listening(port), f"nothing listens on {port} once voting started")
    qr = app.find(None, "QR code of the voting address", root=window)
    check(qr is not None, "the QR code has no accessible name")
    codes = iaptest.wait_for("the join codes",
                             lambda: [app.read_text(n) for n in app.find_all("label", "Join code", root=window)]
                             or None, 10)
    check(len(codes) == 13, f"{len(codes)} join codes shown, expected 13")
    check(all(re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){3}", c) for c in codes), f"join codes: {codes[:3]}")
    status = label_like(app, "participants have voted", window)
    check(app.read_text(status).startswith("0 of 13 participants have voted"), app.read_text(status))
    ok(f"Alt+N, End, Alt+S serve {url} with its QR code and 13 join codes")

    answered = vote(port, codes[0])
    check(answered > 0, "the phone answered no risk")
    iaptest.wait_for("the window to count the vote",
                     lambda: app.read_text(status).startswith("1 of 13 participants have voted"), 10)
    counted = label_like(app, f"{answered} of {answered} risks scored", window)
    check(counted is not None, "the participant's count of scores")
    levels = [app.read_text(n) for n in app.find_all("label", root=window)
              if re.search(r"\b(likelihood|impact)\b", app.read_text(n), re.I)]
    check(not levels, f"the window shows levels before the reveal: {levels}")
    ok(f"a phone answers {answered} risks: the window counts 1 of 13 and no level")
    session.screenshot("room-voting-running")

    # Each participant's own QR code, in a popover of their row
    button = app.find(None, root=window,
                      predicate=lambda n: (n.name or "").startswith("Show the QR code of "))
    who = button.name[len("Show the QR code of "):]
    app.click(button)
    own = app.find(None, root=window,
                   predicate=lambda n: (n.description or "").startswith(f"QR code of {url}v/"))
    join = own.description[len("QR code of "):]
    code = join[len(url) + 2:].rstrip("/")
    check(code in codes, f"{who}'s QR code opens {join}, whose code is not among the window's")
    # The code under the QR code, apart from the row's own "Join code"
    shown = app.find("label", root=window, predicate=lambda n: n.name != "Join code" and
                     app.read_text(n).strip() == code)
    check(shown is not None, f"the popover does not show the code {code}")
    status, headers, _ = request(port, "GET", path_of(join))
    check(status in (302, 303) and path_of(headers.get("Location", "")).startswith(f"/v/{code}/"),
          f"{join} answers {status} to {headers.get('Location')}, not the participant's page")
    ok(f"{who}'s QR Code button shows a QR code of {join} and the code {code}; it opens their page")
    session.screenshot("room-voting-participant-qr")
    session.press("Escape")
    iaptest.wait_for("the popover to close",
                     lambda: app.find_first(None, root=window,
                                            predicate=lambda n: (n.description or "").startswith(
                                                f"QR code of {url}v/")) is None, 5)

    session.press("Escape")
    iaptest.wait_for("the voting window to close",
                     lambda: not any(n is not None and n.name == "Vote from Phones" for n in app.root), 10)
    iaptest.wait_for(f"nothing to listen on {port}", lambda: not listening(port), 10)
    ok(f"Escape closes the window; nothing listens on {port} any more")

    before = os.path.getmtime(path)
    session.press("ctrl+s")
    iaptest.wait_for("the file to be saved", lambda: os.path.getmtime(path) != before, 10)
    root = ET.parse(path).getroot()
    rounds = list(root.iter(f"{NS}round"))
    check(len(rounds) == 2, f"{len(rounds)} rounds saved, expected 2")
    ratings = [r for r in rounds[-1].iter(f"{NS}rating")]
    check(len(ratings) == answered and {r.get("participant") for r in ratings} == {"p1"},
          f"the new round holds {[(r.get('participant'), r.get('risk')) for r in ratings][:5]}")
    check(all((r.get("likelihood"), r.get("impact")) == ("2", "3") for r in ratings),
          f"the phone's levels: {[(r.get('likelihood'), r.get('impact')) for r in ratings][:5]}")
    ok(f"Ctrl+S saves the phone's {answered} ratings into the new round")

    # Again, with the projector: it shows the room's address, never a
    # participant's code
    session.press("alt+p")
    window = toplevel(app, "Vote from Phones")
    pick_loopback(session, app, window)
    session.press("alt+s")
    url_label = iaptest.wait_for("the voting address",
                                 lambda: next((n for n in app.find_all("label", root=window)
                                               if app.read_text(n).startswith("http://")), None), 10)
    url = app.read_text(url_label).strip()
    port = urllib.parse.urlsplit(url).port
    app.activate(app.find("push button", "Presenter View", root=round_window))
    presenter = toplevel(app, "Presenter View")
    shown = label_like(app, url, presenter)
    check(app.read_text(shown).strip() == url, app.read_text(shown))
    qr = app.find(None, "QR code of the voting address", root=presenter)
    check(qr.description == "QR code of " + url, f"the presenter's QR code says {qr.description!r}")
    leaked = [c for c in codes if any(c in app.read_text(n) for n in app.find_all("label", root=presenter))]
    check(not leaked, f"the presenter view shows join codes: {leaked}")
    ok("the presenter view shows the address and its QR code, and no join code")
    session.screenshot("room-voting-presenter")
    app.activate(app.find("push button", "Stop Voting", root=window))
    iaptest.wait_for(f"nothing to listen on {port}", lambda: not listening(port), 10)
    iaptest.wait_for("the presenter view to drop the address",
                     lambda: not any(url in app.read_text(n) for n in app.find_all("label", root=presenter)), 5)
    ok("Stop Voting: nothing listens, the presenter view drops the address")
    app.quit()
    ok("Ctrl+Q quits with status 0")


def main():
    return iaptest.main(__doc__, run, "room-voting",
                        "room voting started, a phone's vote counted without its levels, stopped",
                        [("--example", {"required": True, "help": "the example workshop"})])


if __name__ == "__main__":
    sys.exit(main())
