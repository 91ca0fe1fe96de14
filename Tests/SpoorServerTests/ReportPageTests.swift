import Foundation
import Glibc
import SpoorProtocol
import Testing

/// The pages management and auditors read, opened in a real headless browser (Debian's chromium):
/// they render their charts, fetch nothing, and show no personal content to a role without care access.
@Suite("Reports as pages, in a real browser", .serialized)
struct ReportPageTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The DOM chromium builds from `page`, and a screenshot of it.
    static func render(_ page: String, in folder: String) throws -> (dom: String, screenshot: Data) {
        let chromium = try #require(Self.chromium, "chromium is missing: apt-get install chromium")
        let html = folder + "/page.html", png = folder + "/page-\(UUID().uuidString.prefix(4)).png"
        try page.write(toFile: html, atomically: true, encoding: .utf8)
        let flags = "--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --user-data-dir=\(folder)/profile"
        let dom = try SystemdUnitTests.run(["sh", "-c", "\(chromium) \(flags) --dump-dom file://\(html) 2>/dev/null"])
        _ = try SystemdUnitTests.run(["sh", "-c", "\(chromium) \(flags) --window-size=1000,1800 --screenshot=\(png) file://\(html) 2>/dev/null"])
        if let keep = ProcessInfo.processInfo.environment["SPOOR_KEEP_SCREENSHOTS"] {
            try? FileManager.default.copyItem(atPath: png, toPath: keep + "/" + (png as NSString).lastPathComponent)
        }
        return (dom.output, try Data(contentsOf: URL(fileURLWithPath: png)))
    }

    /// Whether a screenshot shows a drawn page: a PNG, and not one of a blank page, which compresses to almost nothing.
    static func looksDrawn(_ png: Data) -> Bool { png.count > 20_000 && png.starts(with: [0x89, 0x50, 0x4E, 0x47]) }

    @Test(
        "stats and a signal's trail render with their charts and timeline; no personal content for the auditor",
        .enabled(if: getuid() == 0, "needs root to run spoorctl as a second user, the auditor"))
    func pagesRender() throws {
        #expect(AccessTests.makeOutsider())
        let user = AccessTests.outsider
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spoor-pages-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        chmod(folder, 0o755)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let me = String(cString: getpwuid(getuid()).pointee.pw_name)
        try Data(repeating: 7, count: 32).write(to: URL(fileURLWithPath: folder + "/master-key"))
        try
            (#"""
        {"dataDirectory": "\#(folder)/data", "socketPath": "\#(folder)/s.sock", "masterKeyPath": "\#(folder)/master-key",\#
         "signingKeyPath": "\#(folder)/master-key", "domain": "jeugdzorg-test.nl", "units": {"\#(me)": ["*"]},\#
         "users": {"\#(me)": ["professional", "attention-officer", "behavioural-scientist", "auditor"], "\#(user)": ["auditor"]}}
        """#)
        .write(toFile: folder + "/spoord.json", atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(arguments: ["--config", folder + "/spoord.json"], socketPath: folder + "/s.sock")
        defer { daemon.stop() }
        chmod(daemon.socketPath, 0o666)
        let ctl = Spoorctl(socketPath: daemon.socketPath)
        for (id, age, form) in [("p1", "15", "sexual"), ("p2", "13", "criminal"), ("p3", "17", "labour")] {
            #expect(
                try ctl(
                    "case", "open", "--case", id, "--unit", "north", "--gender", "female", "--nationality-group", "dutch", "--age", age,
                    "--name", "Secretname\(id)", "--birth-date", "2011-01-01"
                ).status == 0)
            #expect(
                try ctl(
                    "signal", "record", "--case", id, "--form", form, "--indicator", "online", "--nature", "concrete", "--no-cross-border",
                    "--note", "Secretnote\(id)"
                ).status == 0)
        }
        #expect(try ctl("signal", "forward", "--case", "p1", "--signal", "signal-1", "--to", "attention-officer").status == 0)
        #expect(
            try ctl("consult", "record", "--case", "p1", "--signal", "signal-1", "--party", "attention-officer", "--role", "attention-officer").status
                == 0)

        // The statistics as the auditor sees them: small cells withheld, drawn as such.
        let stats = try ctl.run(["stats", "--format", "html"], asUser: user)
        #expect(stats.status == 0, "\(stats.error)")
        let statsPage = try Self.render(stats.output, in: folder)
        #expect(statsPage.dom.components(separatedBy: "<svg").count - 1 == 4, "four charts")
        #expect(statsPage.dom.components(separatedBy: "class=\"bar\"").count - 1 >= 4 + 3)
        // Issue 28: in Dutch by default, in the meldcode's and CoMensha's own terms; --language en for English.
        #expect(
            statsPage.dom.contains("Van signaal tot registratie") && statsPage.dom.contains("verbergt een aantal onder 5")
                && statsPage.dom.contains("lang=\"nl\""))
        let english = try ctl.run(["stats", "--format", "html", "--language", "en"], asUser: user)
        #expect(
            english.output.contains("From signal to registration") && english.output.contains("hides a count under 5")
                && english.output.contains("lang=\"en\""))
        #expect(Self.looksDrawn(statsPage.screenshot))

        // As a carer sees them: the counts drawn to scale, the largest bar the full width.
        let counted = try Self.render(try ctl("stats", "--format", "html").output, in: folder)
        #expect(counted.dom.contains("width=\"360.0\""), "no bar drawn to scale")
        #expect(!counted.dom.contains("url(#withheld)"))

        // A signal's trail as the auditor sees it, each step proven against a checkpoint.
        let key = try #require(try ctl("audit", "checkpoint", "--out", folder + "/cp", "--json").json?["verifierKey"]?.string)
        let trace = try ctl.run(
            [
                "audit", "trace", "--case", "p1", "--signal", "signal-1", "--format", "html", "--prove",
                "--checkpoint", folder + "/cp", "--key", key,
            ], asUser: user)
        #expect(trace.status == 0, "\(trace.error)")
        let tracePage = try Self.render(trace.output, in: folder)
        #expect(tracePage.dom.components(separatedBy: "<li>").count - 1 >= 3, "\(tracePage.dom)")
        #expect(tracePage.dom.contains("in het logboek dat het controlepunt ondertekende") && tracePage.dom.contains("Tijdlijn"))
        #expect(tracePage.dom.contains("jeugdzorg-test.nl/spoor") && tracePage.dom.contains(key), "the page names the checkpoint and the key")
        #expect(Self.looksDrawn(tracePage.screenshot))

        for page in [stats.output, trace.output, statsPage.dom, tracePage.dom] {
            #expect(!page.contains("Secretname") && !page.contains("Secretnote"), "personal content in a page")
            for fetchOrRun in ["<script", "<link", "<iframe", "<img", "src=\"http", "href=\"http", "url(http", "@import"] {
                #expect(!page.contains(fetchOrRun), "a page that runs or fetches something: \(fetchOrRun)")
            }
        }
    }
}
