import Foundation
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
        #expect(gender.status == 65 && gender.error.contains("--gender: unknown value 'femal'; the values are: female, male, other, unknown; did you mean female?"),
                "\(gender.error)")
        #expect(!gender.error.contains("Cannot initialize"))
        let age = try ctl.run(open + ["--gender", "female", "--age", "400"])
        #expect(age.status == 65 && age.error.contains("--age: gives an age of 400"), "\(age.error)")
        #expect(try ctl.run(open + ["--gender", "female", "--age", "15"]).status == 0)
        let nature = try ctl("signal", "record", "--case", "e1", "--form", "sexual", "--nature", "vague")
        #expect(nature.status == 65 && nature.error.contains("--nature: unknown value 'vague'; the values are: gut-feeling, concrete"), "\(nature.error)")
    }
}
