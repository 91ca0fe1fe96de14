import Foundation
import Glibc
import Testing

/// Issue 28: "No decoding error of Swift reaches a person … (and the same for every enumerated
/// value), with a suggestion for a near miss", and "a message names the field the user gave
/// (`--age 400: …`, not `birthDate: …`)".
@Suite("Errors a person can act on: the flag they typed, the values there are, the near miss")
struct ErrorMessagesTests {
    @Test("an unknown value names the values and the near miss; a refused field names the flag it came from")
    func enumeratedValuesAndFlags() throws {
        let daemon = try DaemonProcess()
        let ctl = Spoorctl(socketPath: daemon.socketPath)
        let open = ["case", "open", "--case", "e1", "--unit", "u", "--nationality-group", "dutch"]
        let gender = try ctl.run(open + ["--gender", "femal", "--age", "15"])
        #expect(
            gender.status == 65
                && gender.error.contains("--gender: unknown value 'femal'; the values are: female, male, other, unknown; did you mean female?"),
            "\(gender.error)")
        #expect(!gender.error.contains("Cannot initialize"))
        let age = try ctl.run(open + ["--gender", "female", "--age", "400"])
        #expect(age.status == 65 && age.error.contains("--age: gives an age of 400"), "\(age.error)")
        #expect(try ctl.run(open + ["--gender", "female", "--age", "15"]).status == 0)
        let nature = try ctl("signal", "record", "--case", "e1", "--form", "sexual", "--nature", "vague")
        #expect(
            nature.status == 65 && nature.error.contains("--nature: unknown value 'vague'; the values are: gut-feeling, concrete"), "\(nature.error)")
        // Any command: a field named by the flag that gave it, when the command has one.
        let future = try ctl("signal", "record", "--case", "e1", "--form", "sexual", "--nature", "concrete", "--observed-on", "2999-01-01")
        #expect(future.status == 65 && future.error.contains("--observed-on: 2999-01-01 lies in the future"), "\(future.error)")
    }

    // Issue 28: "a flag that does not apply to the caller's role (`--emergency` for an auditor) is refused, exit 64."
    @Test("--emergency from a role that reads no personal content is a usage error, exit 64")
    func emergencyIsForCarers() throws {
        let folder = try OperationsTests.folder("spoor-emergency")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(repeating: 7, count: 32).write(to: URL(fileURLWithPath: folder + "/master-key"))
        let me = String(cString: getpwuid(getuid()).pointee.pw_name)
        try
            (#"""
        {"dataDirectory": "\#(folder)/data", "socketPath": "\#(folder)/s.sock", "masterKeyPath": "\#(folder)/master-key",\#
         "signsCheckpoints": false, "users": {"\#(me)": ["auditor"]}}
        """#)
        .write(toFile: folder + "/spoord.json", atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(arguments: ["--config", folder + "/spoord.json"], socketPath: folder + "/s.sock")
        defer { daemon.stop() }
        let refused = try Spoorctl(socketPath: daemon.socketPath)("case", "show", "--case", "c1", "--emergency", "--reason", "looking")
        #expect(refused.status == 64 && refused.error.contains("--emergency: an emergency read is for carers"), "\(refused.error)")
    }
}
