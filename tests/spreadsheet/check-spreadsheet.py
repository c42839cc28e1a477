#!/usr/bin/python3
# check-spreadsheet.py: the tables out as spreadsheets, risk lists in
#
# Copyright 2026 The IAP Workshop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Exports the example's tables, reads them with LibreOffice, imports
the register into an empty workshop and compares, and imports hostile
risk lists.

    check-spreadsheet.py IAP_WORKSHOP EXAMPLE OUTPUT_DIR LOCALEDIR

TAP on standard output. LibreOffice (soffice, from libreoffice-calc-nogui)
converts each sheet to CSV: what it reads must be the cells this script
reads from the file's content.xml, and the register the summary's.
"""

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import tap  # noqa: E402

EXE, EXAMPLE, OUT, LOCALEDIR = sys.argv[1:5]
C = {"LANGUAGE": "", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
FR = {"LANGUAGE": "fr", "LANG": "fr_FR.UTF-8", "LC_ALL": "fr_FR.UTF-8"}
NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}


def run(args, env=None, check=True):
    full = dict(os.environ, IAP_WORKSHOP_LOCALEDIR=LOCALEDIR, **(env or C))
    result = subprocess.run([EXE] + args, capture_output=True, text=True, env=full)
    if check and result.returncode != 0:
        raise RuntimeError(f"{args}: status {result.returncode}: {result.stderr}")
    return result


def path(name):
    return os.path.join(OUT, name)


def empty_workshop(name):
    """A workshop with the example's scales and nothing else."""
    with open(EXAMPLE, encoding="utf-8") as f:
        scales = re.search(r"<scales.*?</scales>", f.read(), re.S).group(0)
    with open(path(name), "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<workshop xmlns="https://iapworkshop.github.io/ns/workshop/1" version="1.2">\n'
                f"  <setup/>\n  {scales}\n</workshop>\n")
    return path(name)


def summary(workshop):
    return json.loads(run(["summary", "--json", workshop]).stdout)


def register_of(data):
    keep = ("id", "arrangement", "area", "title", "inherent", "residual")
    return [{k: r[k] for k in keep} for r in data["risks"]]


def cell_text(cell):
    kind = cell.get(f"{{{NS['office']}}}value-type")
    if kind == "float":
        return cell.get(f"{{{NS['office']}}}value")
    if kind == "date":
        return cell.get(f"{{{NS['office']}}}date-value")
    lines = []
    for p in cell.findall("text:p", NS):
        text = p.text or ""
        for child in p:
            tag = child.tag.split("}")[1]
            if tag == "s":
                text += " " * int(child.get(f"{{{NS['text']}}}c", "1"))
            elif tag == "tab":
                text += "\t"
            text += child.tail or ""
        lines.append(text)
    return "\n".join(lines)


def sheets_of(ods):
    """{sheet name: rows of cells} as written in content.xml."""
    with zipfile.ZipFile(ods) as z:
        check_package(z)
        root = ET.fromstring(z.read("content.xml"))
    sheets = {}
    for table in root.iter(f"{{{NS['table']}}}table"):
        rows = []
        for row in table.iter(f"{{{NS['table']}}}table-row"):
            cells = [cell_text(c) for c in row.findall("table:table-cell", NS)]
            while cells and cells[-1] == "":
                cells.pop()
            rows.append(cells)
        sheets[table.get(f"{{{NS['table']}}}name")] = rows
    return sheets


def check_package(z):
    names = z.namelist()
    info = z.getinfo("mimetype")
    tap.ok(names[0] == "mimetype" and info.compress_type == zipfile.ZIP_STORED and not info.extra
              and z.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet",
              "the package starts with the mimetype, stored, without extra field", str(names))
    tap.ok(z.testzip() is None and "META-INF/manifest.xml" in names and "settings.xml" in names,
              "every member reads back with its CRC; manifest and settings are there", str(names))


def libreoffice_sheets(ods, sheet_count):
    """Each sheet as LibreOffice reads it, converted to CSV."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("soffice is not installed (libreoffice-calc-nogui)")
    target = path("lo")
    os.makedirs(target, exist_ok=True)
    profile = "file://" + path("lo-profile")
    # UTF-8, comma, quoted, every sheet (-1) to its own file
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
                    "--outdir", target, ods], check=True, capture_output=True, timeout=240)
    base = os.path.splitext(os.path.basename(ods))[0]
    sheets = {}
    for name in os.listdir(target):
        if name.startswith(base + "-") and name.endswith(".csv"):
            with open(os.path.join(target, name), encoding="utf-8", newline="") as f:
                rows = [list(r) for r in csv.reader(f)]
            for r in rows:
                while r and r[-1] == "":
                    r.pop()
            sheets[name[len(base) + 1:-4]] = rows
    tap.ok(len(sheets) == sheet_count, f"LibreOffice reads {sheet_count} sheets", str(sorted(sheets)))
    return sheets


def test_libreoffice(env=C, language="English"):
    # Names that do not begin one another: LibreOffice names each sheet's
    # file after them
    ods = path(f"tables-{language}.ods")
    run(["export", EXAMPLE, "-o", ods], env=env)
    ours = sheets_of(ods)
    names = {"English": ["Register", "Mitigation plan", "Ratings", "Dissents"],
             "French": ["Registre", "Plan d’atténuation", "Notes du groupe", "Opinions divergentes"]}[language]
    tap.ok(list(ours) == names, f"one sheet per table, named in {language}", str(list(ours)))
    theirs = libreoffice_sheets(ods, 4)
    for name, rows in ours.items():
        tap.ok(theirs.get(name) == [r for r in rows],
                  f"LibreOffice reads the {language} sheet {name} cell for cell as written",
                  f"{rows[:2]} != {theirs.get(name, [])[:2]}")
    if language != "English":
        return
    register = ours["Register"]
    header = register[0]
    data = summary(EXAMPLE)
    for risk, row in zip(data["risks"], register[1:]):
        cells = dict(zip(header, row))
        inherent = risk["inherent"] or {"likelihood": "", "band": ""}
        tap.ok(cells["Id"] == risk["id"] and cells["Title"] == risk["title"]
                  and cells.get("Inherent likelihood", "") == str(inherent["likelihood"])
                  and cells.get("Inherent band", "").lower() == inherent["band"],
                  f"the register's row of {risk['id']} is the summary's", str(cells))


def test_roundtrip(env, language):
    ods = path(f"register-{language}.ods")
    run(["export", EXAMPLE, "--table", "register", "-o", ods], env=env)
    workshop = empty_workshop(f"empty-{language}.iapw")
    result = json.loads(run(["import-risks", workshop, ods, "--json"]).stdout)
    tap.ok(result["problems"] == [] and result["new_entries"] == {"arrangement": [], "area": []},
              f"the {language} register imports with no problem and no new entry", str(result)[:400])
    tap.ok(register_of(summary(workshop)) == register_of(summary(EXAMPLE)),
              f"the register exported in {language} and imported into an empty workshop is the example's")


def read_csv(name):
    """The rows of a CSV file the application wrote, checking its form."""
    with open(name, "rb") as f:
        raw = f.read()
    text = raw[3:].decode("utf-8")
    separator = ";" if text.split("\r\n")[0].count(";") > text.split("\r\n")[0].count(",") else ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    # Each row ends in CRLF: as many as the rows, and a line break inside
    # a quoted field as the text has it
    breaks = sum(field.count("\r\n") for row in rows for field in row)
    tap.ok(raw.startswith(b"\xef\xbb\xbf") and raw.endswith(b"\r\n") and raw.count(b"\r\n") == len(rows) + breaks,
           f"{os.path.basename(name)}: UTF-8 with its byte order mark, CRLF after each row", repr(raw[:80]))
    return rows, separator


def test_csv_roundtrip(env, language):
    """The register as CSV, read by Python's csv module as RFC 4180 says,
    and imported into an empty workshop."""
    name = path(f"register-{language}.csv")
    run(["export", EXAMPLE, "--table", "register", "-o", name], env=env)
    rows, separator = read_csv(name)
    ods_rows = sheets_of(path(f"register-{language}.ods"))
    ods_rows = list(ods_rows.values())[0]
    tap.ok(separator == (";" if language == "French" else ","),
           f"the {language} CSV is separated as the locale's spreadsheets expect", separator)
    tap.ok([r + [""] * (len(rows[0]) - len(r)) for r in ods_rows] == rows,
           f"the {language} CSV holds the cells of the ODS, header in {language}", f"{rows[:2]} != {ods_rows[:2]}")
    workshop = empty_workshop(f"empty-csv-{language}.iapw")
    result = json.loads(run(["import-risks", workshop, name, "--json"]).stdout)
    tap.ok(result["problems"] == [] and result["new_entries"] == {"arrangement": [], "area": []},
           f"the {language} CSV imports with no problem and no new entry", str(result)[:400])
    tap.ok(register_of(summary(workshop)) == register_of(summary(EXAMPLE)),
           f"the register exported as {language} CSV and imported into an empty workshop is the example's")
    for table in ("mitigations", "ratings", "dissents"):
        name = path(f"{table}-{language}.csv")
        run(["export", EXAMPLE, "--table", table, "-o", name], env=env)
        rows, _ = read_csv(name)
        cells = list(sheets_of(path(f"{table}-{language}.ods")).values())[0] if os.path.exists(
            path(f"{table}-{language}.ods")) else None
        if cells is None:
            run(["export", EXAMPLE, "--table", table, "-o", path(f"{table}-{language}.ods")], env=env)
            cells = list(sheets_of(path(f"{table}-{language}.ods")).values())[0]
        tap.ok([r + [""] * (len(rows[0]) - len(r)) for r in cells] == rows,
               f"the {language} {table} CSV holds the cells of its ODS sheet", f"{rows[:2]} != {cells[:2]}")
    several = run(["export", EXAMPLE, "-o", path("all.csv")], env=env, check=False)
    tap.ok(several.returncode == 1 and ".ods" in several.stderr and not os.path.exists(path("all.csv")),
           "all four tables are not written to one CSV file", several.stderr)


def test_anonymize():
    """--anonymize: no person's name in any table, as ODS or CSV."""
    plain = path("named.ods")
    run(["export", EXAMPLE, "-o", plain])
    names = set()
    for rows in sheets_of(plain).values():
        for column in ("Owner", "Accepted by"):
            if column in rows[0]:
                names.update(r[rows[0].index(column)] for r in rows[1:] if len(r) > rows[0].index(column))
    names.discard("")
    hidden = path("anonymous.ods")
    run(["export", EXAMPLE, "--anonymize", "-o", hidden])
    cells = [c for rows in sheets_of(hidden).values() for r in rows for c in r]
    for table in ("register", "mitigations", "ratings", "dissents"):
        name = path(f"anonymous-{table}.csv")
        run(["export", EXAMPLE, "--table", table, "--anonymize", "-o", name])
        cells += [c for r in read_csv(name)[0] for c in r]
    found = sorted(n for n in names if any(n in c for c in cells))
    tap.ok(len(names) >= 2 and not found,
           f"--anonymize leaves the {len(names)} people's names out of every table, ODS and CSV", str(found))


def test_csv_formulas():
    """Text a spreadsheet would run is written after an apostrophe, and
    read back without it."""
    rows = [["Title", "Description", "Arrangement", "Area", "Likelihood", "Impact"],
            ["=HYPERLINK(\"http://example.org\";\"x\")", "+1+1", "co-location", "access", 2, 3],
            ["@SUM(A1)", "-2, with a comma", "co-location", "access", 2, 3],
            ["Plain", "\"Quoted\" and\ntwo lines", "co-location", "access", "", ""]]
    workshop = empty_workshop("formulas.iapw")
    run(["import-risks", workshop, write_ods("formulas.ods", rows)])
    name = path("formulas.csv")
    run(["export", workshop, "--table", "register", "-o", name])
    with open(name, "rb") as f:
        raw = f.read().decode("utf-8-sig")
    tap.ok('"\'=HYPERLINK(""http://example.org"";""x"")"' in raw and '"\'+1+1"' in raw and '"\'@SUM(A1)"' in raw
           and '"\'-2, with a comma"' in raw,
           "a text beginning with =, +, - or @ is written quoted after an apostrophe", raw[:600])
    written, _ = read_csv(name)
    header = written[0]
    tap.ok(written[1][header.index("Inherent likelihood")] == "2" and written[3][header.index("Description")]
           == '"Quoted" and\ntwo lines', "numbers stay numbers; quotes and line breaks inside a field are kept",
           str(written[1:]))
    again = empty_workshop("formulas-again.iapw")
    run(["import-risks", again, name])
    titles = [(r["title"], r.get("description")) for r in summary(again)["risks"]]
    tap.ok([r["title"] for r in summary(again)["risks"]] == [r[0] for r in rows[1:]],
           "imported again, the texts are as they were, without the apostrophe", str(titles))


def test_csv_dialects():
    """CSV as LibreOffice and Excel save it: separators, quotes, BOM,
    line ends and encodings."""
    header = ["Titre", "Dispositif", "Domaine", "Probabilité", "Impact"]
    rows = [["Escortes armées; convois", "Escortes militaires", "Sécurité du personnel", "4", "5"],
            ["Patrouilles, « conjointes »", "co-location", "perception", "3 - Possible", "2"]]
    workshop = empty_workshop("dialects.iapw")

    def form(rows, separator, quote_all=False):
        out = io.StringIO()
        csv.writer(out, delimiter=separator, lineterminator="\r\n",
                   quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL).writerows(rows)
        return out.getvalue()

    dialects = {
        "LibreOffice (comma, UTF-8, LF)": form([header] + rows, ",").replace("\r\n", "\n").encode("utf-8"),
        "Excel CSV UTF-8 (semicolon, BOM, CRLF)": b"\xef\xbb\xbf" + form([header] + rows, ";").encode("utf-8"),
        "Excel CSV (semicolon, Windows-1252)": form([header] + rows, ";").encode("cp1252"),
        "Excel Unicode text (tab, UTF-16)": form([header] + rows, "\t").encode("utf-16"),
        "every field quoted, CR line ends": form([header] + rows, ",", True).replace("\r\n", "\r").encode("utf-8"),
    }
    for what, data in dialects.items():
        name = path("dialect.csv")
        with open(name, "wb") as f:
            f.write(data)
        # In French, as the one who drafted it: the catalog's French labels
        result = json.loads(run(["import-risks", workshop, name, "--dry-run", "--json"], env=FR).stdout)
        read = [(r["title"], r["inherent"]) for r in result["risks"]]
        tap.ok(read == [(rows[0][0], {"likelihood": 4, "impact": 5}), (rows[1][0], {"likelihood": 3, "impact": 2})]
               and result["problems"] == [] and result["new_entries"] == {"arrangement": [], "area": []},
               f"a risk list in {what} is read", str(result)[:500])


def test_csv_hostile():
    """A 50 MB cell and 100,000 rows; a quote never closed; a file that is
    not text."""
    name = path("hostile.csv")
    with open(name, "w", encoding="utf-8", newline="") as f:
        f.write("Title,Arrangement,Area\r\n\"" + "x" * (50 * 1024 * 1024) + "\",co-location,access\r\n")
        f.writelines(f"Risk {i},co-location,access\r\n" for i in range(100000))
    workshop = empty_workshop("hostile-csv.iapw")
    result = run(["import-risks", workshop, name, "--dry-run", "--json"])
    data = json.loads(result.stdout)
    tap.ok(len(data["risks"]) == 100000 and [p["row"] for p in data["problems"]] == [2]
           and "1 MiB" in data["problems"][0]["message"],
           "a 50 MB cell is refused with its row number and reason; 100,000 rows are read", str(data["problems"][:2]))

    with open(workshop, "rb") as f:
        before = f.read()
    with open(name, "wb") as f:
        f.write(b"Title,Arrangement,Area\r\nFine,co-location,access\r\n\"Never closed,co-location,access\r\n")
    refused = run(["import-risks", workshop, name], check=False)
    tap.ok(refused.returncode == 1 and "hostile.csv" in refused.stderr and "Line 3" in refused.stderr
           and "quoted field" in refused.stderr,
           "a quote left open is refused with the file, the line and the reason", refused.stderr)
    with open(name, "wb") as f:
        f.write(b"Title,Arrangement,Area\r\n\x00\x01\x02binary,co-location,access\r\n")
    binary = run(["import-risks", workshop, name], check=False)
    tap.ok(binary.returncode == 1 and "hostile.csv" in binary.stderr, "a file that is not text is refused by name",
           binary.stderr)
    with open(workshop, "rb") as f:
        tap.ok(f.read() == before, "a refused file leaves the workshop as it was")

    with open(name, "wb") as f:
        f.write(b"\xef\xbb\xbfTitle,Arrangement,Area\r\nBroken \xff\xfe text,co-location,access\r\n")
    invalid = run(["import-risks", workshop, name, "--dry-run"], check=False)
    tap.ok(invalid.returncode == 1 and "hostile.csv: Line 2:" in invalid.stderr and "UTF-8" in invalid.stderr,
           "a file that says it is UTF-8 and is not is refused, with the reason", invalid.stderr)


def test_libreoffice_csv():
    """The register as LibreOffice saves it to CSV, imported."""
    base = os.path.join(path("lo"), "tables-English-Register.csv")
    workshop = empty_workshop("from-libreoffice.iapw")
    result = json.loads(run(["import-risks", workshop, base, "--json"]).stdout)
    tap.ok(result["problems"] == [] and register_of(summary(workshop)) == register_of(summary(EXAMPLE)),
           "the register LibreOffice saved as CSV imports into an empty workshop as the example's",
           str(result["problems"])[:400])


def write_ods(name, rows):
    """A spreadsheet as a person makes one: strings, numbers and dates."""
    def cell(value):
        if isinstance(value, int):
            return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
        if value.startswith("date:"):
            return f'<table:table-cell office:value-type="date" office:date-value="{value[5:]}"><text:p>30/06/26</text:p></table:table-cell>'
        text = value.replace("&", "&amp;").replace("<", "&lt;")
        return f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'
    body = "".join("<table:table-row>" + "".join(cell(v) for v in r) + "</table:table-row>" for r in rows)
    # LibreOffice's empty rest of a sheet
    body += '<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               '<office:body><office:spreadsheet><table:table table:name="Risks">'
               f"{body}</table:table></office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path(name), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)
    return path(name)


DRAFT = [
    ["Risque", "Catégorie", "Dispositif", "Probabilité", "Gravité", "Responsable", "Date d'acceptation"],
    ["Convoys escorted by the Force", "Staff security", "military-escorts", 4, "Severe", "WFP", "date:2026-06-30"],
    ["", "access", "co-location", 3, 3, "", ""],
    [],
    ["Joint patrols seen as military", "Perception", "Joint patrols", "4 - Likely", 2, "", ""],
    ["Scale out of range", "access", "co-location", 7, 2, "", ""],
    ["Half a rating", "access", "co-location", 2, "", "", ""],
    ["'=HYPERLINK(\"http://example.org\")", "access", "co-location", "", "", "", "2026-02-30"],
    ["@SUM(A1)", "access", "co-location", "", "", "", ""],
]


def test_draft():
    ods = write_ods("draft.ods", DRAFT)
    workshop = empty_workshop("draft.iapw")
    with open(workshop, "rb") as f:
        before = f.read()
    result = json.loads(run(["import-risks", workshop, ods, "--dry-run", "--json"]).stdout)
    fields = [c["field"] for c in result["columns"]]
    tap.ok(fields == ["title", "area", "arrangement", "inherent_likelihood", "inherent_impact", "note",
                         "acceptance_date"], "French headers are read as their fields", str(fields))
    problems = [(p["row"], p["message"]) for p in result["problems"]]
    tap.ok([p[0] for p in problems] == [3, 6, 7, 8], "the unreadable rows are listed by number", str(problems))
    tap.ok("no title" in problems[0][1] and "not a level" in problems[1][1]
              and "both likelihood and impact" in problems[2][1] and "YYYY-MM-DD" in problems[3][1],
              "each with its reason", str(problems))
    tap.ok(result["new_entries"] == {"arrangement": ["Joint patrols"], "area": []},
              "an unknown arrangement is offered as a new catalog entry", str(result["new_entries"]))
    titles = [r["title"] for r in result["risks"]]
    tap.ok(titles == ["Convoys escorted by the Force", "Joint patrols seen as military", "@SUM(A1)"],
              "the readable rows are read, a leading @ kept as text", str(titles))
    tap.ok(result["risks"][0]["inherent"] == {"likelihood": 4, "impact": 5}
              and result["risks"][1]["inherent"] == {"likelihood": 4, "impact": 2}
              and result["risks"][0]["area"] == "staff-security",
              "levels by number, label and '4 - Likely'; areas by label", str(result["risks"][:2]))
    with open(workshop, "rb") as f:
        tap.ok(f.read() == before and result["imported"] == 0, "--dry-run changes nothing")

    text = run(["import-risks", workshop, ods]).stdout
    data = summary(workshop)
    tap.ok(len(data["risks"]) == 3 and "3 risks imported" in text and "Row 6:" in text,
              "the import adds the three risks and lists the others", text)
    tap.ok(data["risks"][1]["arrangement"].startswith("x-arrangement"),
              "the new arrangement is the workshop's own catalog entry", str(data["risks"][1]))
    validate = run(["validate", workshop], check=False)
    tap.ok(validate.returncode == 0, "the workshop saved after the import is valid", validate.stdout)

    again = run(["import-risks", empty_workshop("strict.iapw"), ods, "--no-new-entries", "--json"]).stdout
    tap.ok(len(json.loads(again)["risks"]) == 2, "--no-new-entries leaves the row of the unknown arrangement out")

    mapped = json.loads(run(["import-risks", empty_workshop("mapped.iapw"), ods, "--dry-run", "--json",
                             "--map", "Responsable=ignore", "--map", "C=area",
                             "--default", "arrangement=co-location"]).stdout)
    fields = [c["field"] for c in mapped["columns"]]
    tap.ok(fields[1:3] == ["ignore", "area"] and fields[5] == "ignore", "--map by header and by letter", str(fields))

    bad = run(["import-risks", workshop, ods, "--map", "Nothing=title"], check=False)
    tap.ok(bad.returncode == 2 and "Nothing" in bad.stderr, "a --map naming no column is a usage error", bad.stderr)


def test_hostile():
    rows = [["Title", "Arrangement", "Area"], ["x" * (2 * 1024 * 1024), "co-location", "access"]]
    rows += [[f"Risk {i}", "co-location", "access"] for i in range(20000)]
    ods = write_ods("hostile.ods", rows)
    result = run(["import-risks", empty_workshop("hostile.iapw"), ods, "--dry-run", "--json"])
    data = json.loads(result.stdout)
    tap.ok(len(data["risks"]) == 20000 and data["problems"][0]["row"] == 2
              and "1 MiB" in data["problems"][0]["message"],
              "a 2 MB cell is refused with its row, 20,000 rows are read", str(data["problems"][:1]))

    with open(path("bomb.ods"), "wb") as f:
        with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("content.xml", b"<" + b"a" * (300 * 1024 * 1024))
    bomb = run(["import-risks", empty_workshop("bomb.iapw"), path("bomb.ods")], check=False)
    tap.ok(bomb.returncode == 1 and "larger than" in bomb.stderr,
              "a member inflating past the limit is refused before it is inflated", bomb.stderr)

    with open(path("broken.ods"), "wb") as f:
        f.write(open(path("draft.ods"), "rb").read()[:400])
    broken = run(["import-risks", empty_workshop("broken.iapw"), path("broken.ods")], check=False)
    tap.ok(broken.returncode == 1 and "broken.ods" in broken.stderr, "a truncated file is refused by name",
              broken.stderr)


def main():
    os.makedirs(OUT, exist_ok=True)
    test_roundtrip(C, "English")
    test_roundtrip(FR, "French")
    test_draft()
    test_hostile()
    test_csv_roundtrip(C, "English")
    test_csv_roundtrip(FR, "French")
    test_csv_formulas()
    test_anonymize()
    test_csv_dialects()
    test_csv_hostile()
    test_libreoffice()
    test_libreoffice_csv()
    test_libreoffice(FR, "French")
    return tap.plan()


if __name__ == "__main__":
    sys.exit(main())
