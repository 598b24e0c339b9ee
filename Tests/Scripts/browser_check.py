"""Drives the system Chromium (headless, through the system chromedriver) over a reports
store with the viewer and checks what a person would: runs listed, a run and a report
picked, the deep link, the back button, downloads answering, keyboard use, strings from
data shown as text with no dialog, the notebook rendered; takes screenshots and times a
wide page. Prints one JSON object: {"checks": [{"name", "ok", "detail"}], "figures": {…}}.

Usage: browser_check.py STORE_DIR SCREENSHOT_DIR [WIDE_PAGE]
Environment: REPORTKIT_CHROMIUM, REPORTKIT_CHROMEDRIVER (SE_OFFLINE=true: nothing is fetched).
"""
import functools, http.server, json, os, sys, threading, time, urllib.parse, urllib.request

os.environ.setdefault("SE_OFFLINE", "true")
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "</script><script>alert(1)</script>"
store, shots = sys.argv[1], sys.argv[2]
wide = sys.argv[3] if len(sys.argv) > 3 else None
os.makedirs(shots, exist_ok=True)
results, figures = [], {}


def check(name, ok, detail=""):
    results.append({"name": name, "ok": bool(ok), "detail": str(detail)[:500]})


class Quiet(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".ipynb": "application/x-ipynb+json", ".csv": "text/csv"}

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path == "/favicon.ico":  # what a static site answers; not the viewer's request
            self.send_response(204)
            self.end_headers()
            return
        super().do_GET()


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=store))
threading.Thread(target=server.serve_forever, daemon=True).start()
base = "http://127.0.0.1:%d/" % server.server_address[1]

options = webdriver.ChromeOptions()
options.binary_location = os.environ.get("REPORTKIT_CHROMIUM", "/usr/bin/chromium")
for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--allow-file-access-from-files", "--window-size=1280,900", "--no-first-run", "--disable-extensions"]:
    options.add_argument(flag)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service(executable_path=os.environ.get("REPORTKIT_CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
driver.set_page_load_timeout(30)
wait = WebDriverWait(driver, 10)


def console_errors():
    return [entry for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]


def no_dialog(where):
    try:
        WebDriverWait(driver, 0.4).until(EC.alert_is_present())
        text = driver.switch_to.alert.text
        driver.switch_to.alert.dismiss()
        check("no dialog opens: " + where, False, "a dialog opened: " + text)
    except TimeoutException:
        check("no dialog opens: " + where, True)


def frame_src():
    return driver.find_element(By.ID, "report-frame").get_attribute("src") or ""


def in_frame(body):
    wait.until(EC.frame_to_be_available_and_switch_to_it((By.ID, "report-frame")))
    try:
        WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete" and d.find_elements(By.TAG_NAME, "h1"))
        return body()
    finally:
        driver.switch_to.default_content()


def open_viewer(fragment=""):
    driver.get("about:blank")  # a fresh document each time, not only a new fragment
    driver.get(base + "index.html" + fragment)
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#run-list li")) > 0)


try:
    # Runs listed newest first with status.
    open_viewer()
    runs = [item.text.replace("\n", " ") for item in driver.find_elements(By.CSS_SELECTOR, "#run-list li")]
    check("the viewer lists the fixture runs newest first with status", runs == ["2024-03-15 1 failed", "2024-03-14 1 failed", "2024-03-13 all passed"], runs)
    check("newest run selected, its first report framed", frame_src().endswith("/20240315-reports/Table_Summary/report.html"), frame_src())

    # Pick a run, then a report.
    driver.find_element(By.LINK_TEXT, "2024-03-14\n1 failed").click() if driver.find_elements(By.LINK_TEXT, "2024-03-14\n1 failed") else driver.find_elements(By.CSS_SELECTOR, "#run-list a")[1].click()
    wait.until(lambda d: d.find_element(By.ID, "run-title").text == "Run of 2024-03-14")
    reports = [item.text for item in driver.find_elements(By.CSS_SELECTOR, "#report-list li")]
    check("picking a run lists its reports", len(reports) == 5 and any("Weekly notebook" in r for r in reports), reports)
    next(a for a in driver.find_elements(By.CSS_SELECTOR, "#report-list a") if "Daily Changes" in a.text).click()
    wait.until(lambda d: frame_src().endswith("/20240314-reports/Daily_Changes/report.html"))
    heading = in_frame(lambda: driver.find_element(By.TAG_NAME, "h1").text)
    check("picking a report shows its page", heading == "Daily Changes" and driver.current_url.endswith("#2024-03-14/Daily_Changes"), (heading, driver.current_url))

    # Back goes to the previous selection.
    driver.back()
    wait.until(lambda d: d.current_url.endswith("#2024-03-14"))
    check("back returns to the run picked before", driver.find_element(By.ID, "run-title").text == "Run of 2024-03-14" and frame_src().endswith("/20240314-reports/Table_Summary/report.html"), (driver.current_url, frame_src()))
    driver.back()
    wait.until(lambda d: d.find_element(By.ID, "run-title").text == "Run of 2024-03-15")
    check("back again returns to the newest run", True)

    # Deep link.
    open_viewer("#2024-03-13/Orders_checks")
    wait.until(lambda d: frame_src().endswith("/20240313-reports/Orders_checks/report.html"))
    heading = in_frame(lambda: driver.find_element(By.TAG_NAME, "h1").text)
    check("the deep link opens the right report", heading == "Orders checks" and driver.find_element(By.ID, "report-title").text == "Orders checks", heading)
    strip = [cell.get_attribute("aria-label") for cell in driver.find_elements(By.CSS_SELECTOR, "#history .cell")]
    check("the history strip shows the report's status per run, oldest first", strip == ["2024-03-13: ok", "2024-03-14: warn", "2024-03-15: failed"], strip)
    older = driver.find_elements(By.CSS_SELECTOR, "#run-nav a.newer")
    check("previous/next run links keep the report", bool(older) and older[0].get_attribute("href").endswith("#2024-03-14/Orders_checks"), [a.get_attribute("href") for a in older])

    # Downloads answer.
    open_viewer("#2024-03-15/Table_Summary")
    links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#downloads a")]
    statuses = {}
    for link in links:
        with urllib.request.urlopen(link) as response:
            statuses[link.replace(base, "")] = response.status
    check("download links answer (files, notebook, manifest)", len(links) >= 8 and all(s == 200 for s in statuses.values()) and any(k.endswith("report.ipynb") for k in statuses), statuses)
    page_links = in_frame(lambda: [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "ul.files a")])
    answered = []
    for link in page_links:
        with urllib.request.urlopen(link) as response:
            answered.append(response.status)
    check("the report page's file links answer", len(page_links) >= 5 and all(s == 200 for s in answered), list(zip(page_links, answered)))

    # Strings from data stay text.
    for fragment, folder in [("#2024-03-15/Hostile_report", "Hostile_report"), ("#2024-03-14/Hostile_report", "Hostile_report"), ("#2024-03-15/Table_Summary", "Table_Summary"), ("#2024-03-15/Orders_checks", "Orders_checks"), ("#2024-03-15/Daily_Changes", "Daily_Changes")]:
        open_viewer(fragment)
        wait.until(lambda d: frame_src().endswith("/%s/report.html" % folder))
        top = driver.find_element(By.TAG_NAME, "body").text
        framed = in_frame(lambda: (driver.execute_script("return document.body.textContent"), driver.execute_script("return document.querySelectorAll('img[src=\"x\"], script').length")))
        injected = driver.execute_script("return document.querySelectorAll('img[src=\"x\"]').length")
        wanted = {"Hostile_report": [IMG, SCRIPT], "Table_Summary": [IMG, SCRIPT], "Orders_checks": [IMG, SCRIPT], "Daily_Changes": [IMG, SCRIPT]}[folder]
        shown = all(text in framed[0] for text in wanted) and (folder != "Hostile_report" or (IMG in top and SCRIPT in top))
        check("attack strings show as text: " + fragment, shown and framed[1] == 0 and injected == 0, (framed[1], injected, [t for t in wanted if t not in framed[0]]))
        no_dialog(fragment)

    # Keyboard only: Tab to the search box, type, Tab to the one report left, Enter.
    open_viewer("#2024-03-15")
    body = driver.find_element(By.TAG_NAME, "body")
    for _ in range(30):
        if driver.switch_to.active_element.get_attribute("id") == "search":
            break
        driver.switch_to.active_element.send_keys(Keys.TAB)
    at_search = driver.switch_to.active_element.get_attribute("id") == "search"
    driver.switch_to.active_element.send_keys("changes")
    visible = [item.text for item in driver.find_elements(By.CSS_SELECTOR, "#report-list li") if item.is_displayed()]
    driver.switch_to.active_element.send_keys(Keys.TAB)
    focused = driver.switch_to.active_element.text
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    wait.until(lambda d: d.current_url.endswith("#2024-03-15/Daily_Changes"))
    check("keyboard only: Tab to search, filter, Tab to the report, Enter opens it", at_search and len(visible) == 1 and "Daily Changes" in focused, (at_search, visible, focused))
    check("the search box counts what it shows", driver.find_element(By.ID, "search-count").text == "1 of 5 reports", driver.find_element(By.ID, "search-count").text)

    # The notebook kind renders.
    open_viewer("#2024-03-15/Weekly_notebook")
    wait.until(lambda d: frame_src().endswith("/Weekly_notebook/report.html"))

    def notebook():
        images = [img.get_attribute("src")[:22] for img in driver.find_elements(By.CSS_SELECTOR, ".output img")]
        loaded = driver.execute_script("return Array.from(document.querySelectorAll('.output img')).every(i => i.complete && i.naturalWidth > 0)")
        error = driver.find_element(By.CSS_SELECTOR, "pre.error").text
        headings = [h.text for h in driver.find_elements(By.CSS_SELECTOR, ".markdown h1, .markdown h2")]
        bad_link = driver.execute_script("return Array.from(document.querySelectorAll('a')).filter(a => a.href.startsWith('javascript')).length")
        frames = driver.find_elements(By.CSS_SELECTOR, "iframe[srcdoc]")
        driver.switch_to.frame(frames[0])
        inner = driver.find_element(By.TAG_NAME, "body").text
        inner_images = driver.execute_script("return document.querySelectorAll('img').length")
        driver.switch_to.parent_frame()
        return images, loaded, error, headings, bad_link, inner, inner_images, driver.find_element(By.TAG_NAME, "body").text

    images, loaded, error, headings, bad_link, inner, inner_images, text = in_frame(notebook)
    check("notebook: png and svg outputs as loaded <img> data URLs", sorted(images) == ["data:image/png;base64,", "data:image/svg+xml;bas"] and loaded, (images, loaded))
    check("notebook: the error traceback without ANSI codes", "ZeroDivisionError: division by zero" in error and "\x1b" not in error and "[0;31m" not in error, error)
    check("notebook: markdown headings, text kept as text", headings == ["Weekly enrolment", "Lists"] and IMG in text and SCRIPT in text and bad_link == 0, (headings, bad_link))
    check("notebook: text/html output in a sandboxed frame, its script not run", IMG in inner and "ran" in inner, (inner, inner_images))
    check("notebook: stream, result and raw outputs", all(part in text for part in ["hello", "careful", "42", "raw text <b>not bold</b>"]), text[:300])
    no_dialog("notebook")

    errors = console_errors()
    check("no console errors (served over http)", not errors, errors)

    # From disk.
    driver.get("file://" + os.path.abspath(store) + "/index.html#2024-03-14/Table_Summary")
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#run-list li")) == 3)
    heading = in_frame(lambda: driver.find_element(By.TAG_NAME, "h1").text)
    check("works from file://", heading == "Table Summary", heading)
    errors = console_errors()
    check("no console errors (file://)", not errors, errors)

    # Screenshots at desktop and phone width.
    for width, height, name in [(1280, 900, "desktop"), (390, 844, "phone")]:
        driver.set_window_size(width, height)
        open_viewer("#2024-03-15/Table_Summary")
        time.sleep(0.5)
        driver.save_screenshot(os.path.join(shots, "viewer-%s.png" % name))
        driver.get(base + "20240315-reports/Table_Summary/report.html")
        time.sleep(0.3)
        driver.save_screenshot(os.path.join(shots, "report-%s.png" % name))
        overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        check("report page fits the %s width (no sideways scroll of the page)" % name, overflow <= 0, overflow)
    driver.set_window_size(1280, 900)
    # And in dark mode (prefers-color-scheme: dark).
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    open_viewer("#2024-03-15/Daily_Changes")
    time.sleep(0.5)
    driver.save_screenshot(os.path.join(shots, "viewer-dark.png"))
    background = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
    check("dark mode: the viewer's background is dark", background == "rgb(18, 20, 23)", background)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})

    # A wide table's page: size and time to render.
    if wide:
        # Five loads, each from the fetch of the page (after about:blank is gone) to its load
        # event and first paint; the fastest is the figure (the machine is shared, so the
        # others show its load), all five are reported.
        figures["wide_page_bytes"] = os.path.getsize(wide)
        loads = []
        for _ in range(5):
            driver.get("about:blank")
            driver.get("file://" + os.path.abspath(wide))
            WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")
            loads.append(driver.execute_script("const n = performance.getEntriesByType('navigation')[0]; const p = performance.getEntriesByName('first-contentful-paint')[0];"
                                               " return {parsed: n.domInteractive - n.fetchStart, load: n.loadEventEnd - n.fetchStart, paint: p ? p.startTime - n.fetchStart : null};"))
        best = min(loads, key=lambda timing: timing["load"])
        figures["wide_page_load_ms"] = [round(timing["load"], 1) for timing in loads]
        figures["wide_page_parsed_ms"] = round(best["parsed"], 1)
        figures["wide_page_first_paint_ms"] = best["paint"] and round(best["paint"], 1)
        figures["wide_page_svgs"] = driver.execute_script("return document.querySelectorAll('svg').length")
        check("the wide page renders in under 1 s (fastest of five loads)", best["load"] < 1000, loads)
except Exception:
    import traceback
    check("the script ran to its end", False, traceback.format_exc())
finally:
    driver.quit()
    server.shutdown()

print(json.dumps({"checks": results, "figures": figures}, indent=1))
