import Foundation
import Glibc
import Testing

/// Issue 28: "Shell completions complete values (`--nature`, `--form`, `--unit` …, `--case` from the
/// daemon when it is reachable, through a new `case list` that shows only the cases the caller may
/// read), as `systemctl` completes unit names."
@Suite("case list and the shells' completions")
struct CompletionTests {
    @Test("case list shows a carer only the cases it may read; --case completes from it, --form from the protocol; nothing when the daemon is away")
    func casesAndValues() throws {
        let folder = try OperationsTests.folder("spoor-complete")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(repeating: 7, count: 32).write(to: URL(fileURLWithPath: folder + "/master-key"))
        let me = String(cString: getpwuid(getuid()).pointee.pw_name)
        try
            (#"""
        {"dataDirectory": "\#(folder)/data", "socketPath": "\#(folder)/s.sock", "masterKeyPath": "\#(folder)/master-key",\#
         "signsCheckpoints": false, "units": {"\#(me)": ["north"], "colleague": ["south"]}, "users": {"\#(me)": ["professional"]}}
        """#)
        .write(toFile: folder + "/spoord.json", atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(arguments: ["--config", folder + "/spoord.json"], socketPath: folder + "/s.sock")
        defer { daemon.stop() }
        let ctl = Spoorctl(socketPath: daemon.socketPath)
        for (id, unit) in [("k-1", "north"), ("z-2", "south")] {
            #expect(
                try ctl("case", "open", "--case", id, "--unit", unit, "--gender", "female", "--nationality-group", "dutch", "--age", "15").status == 0
            )
        }
        let listed = try ctl("case", "list", "--json")
        #expect(listed.json?["cases"]?.array?.compactMap { $0["case"]?.string } == ["k-1"], "\(listed.output)")
        // What bash's completion function runs for `spoorctl case show --case <TAB>`.
        let cases = try ctl("---completion", "case", "show", "--", "--case", "4", "0", "spoorctl", "case", "show", "--case", "")
        #expect(cases.output.split(separator: "\n") == ["k-1"], "\(cases.output)")
        let forms = try ctl("---completion", "signal", "record", "--", "--form", "4", "0", "spoorctl", "signal", "record", "--form", "")
        #expect(forms.output.split(separator: "\n").contains("sexual"), "\(forms.output)")
        let away = try Spoorctl(socketPath: folder + "/none.sock")(
            "---completion", "case", "show", "--", "--case", "4", "0", "spoorctl", "case", "show", "--case", "")
        #expect(away.status == 0 && away.output.isEmpty)
    }
}
