import Foundation
import SpoorProtocol
import Testing

/// The consent and registration rules through the real daemon and spoorctl, as a professional
/// meets them. The research report (§6.4): registration is "vaak niet als prioriteit gezien", and
/// "het is voor hulpverleners niet duidelijk welke partij er verantwoordelijk is voor het
/// doorzetten van signalen en op welk moment".
@Suite("Consent and registration at CoMensha through spoorctl", .serialized)
struct RegistrationScenarioTests {
    struct Session {
        let daemon: DaemonProcess
        let ctl: Spoorctl
        let c: [String]

        init(age: Int, caseID: String = "r1") throws {
            daemon = try DaemonProcess()
            ctl = Spoorctl(socketPath: daemon.socketPath)
            c = ["--case", caseID]
            try ok(
                ["case", "open"] + c + [
                    "--unit", "north", "--gender", "female", "--nationality-group", "non-dutch", "--age", "\(age)",
                    "--name", "Noor", "--birth-date", "\(2026 - age)-01-15", "--nationality", "Eritrean",
                    "--country-of-birth", "Eritrea", "--opened-on", "2026-11-02",
                ])
            try ok(["signal", "record"] + c + ["--form", "sexual", "--nature", "concrete", "--observed-on", "2026-11-02"])
        }

        @discardableResult
        func ok(_ arguments: [String]) throws -> Spoorctl.Result {
            let result = try ctl.run(arguments)
            #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.error)")
            return result
        }

        /// Runs a command that must be refused with exit 65 and a message containing `rule`, and
        /// checks that nothing was appended.
        func refused(_ arguments: [String], naming rule: String) throws {
            let before = try version()
            let result = try ctl.run(arguments)
            #expect(result.status == 65, "\(arguments.joined(separator: " ")): \(result.status) \(result.error)")
            #expect(result.error.contains(rule), "\(result.error)")
            #expect(try version() == before, "a refused command appended an event")
        }

        func version() throws -> JSONValue? { try ctl.run(["case", "show"] + c + ["--json"]).json?["version"] }
        func show() throws -> JSONValue? { try ok(["case", "show"] + c + ["--json"]).json }
    }

    @Test("a 15-year-old whose parents consent but who refuses herself: identifiable refused, non-identifiable allowed")
    func fifteenYearOldRefusesHerself() throws {
        let s = try Session(age: 15)
        try s.refused(
            ["consent", "give"] + s.c + ["--by", "parent", "--form", "written", "--purpose", "statistics", "--on", "2026-11-03"],
            naming: "record who holds parental authority first")
        try s.ok(["consent", "authority"] + s.c + ["--holder", "parent", "--holder", "other-parent", "--note", "married", "--on", "2026-11-03"])
        try s.ok(["consent", "give"] + s.c + ["--by", "parent", "--form", "written", "--purpose", "statistics", "--on", "2026-11-03"])
        try s.ok(["consent", "give"] + s.c + ["--by", "other-parent", "--form", "spoken", "--purpose", "statistics", "--on", "2026-11-03"])
        try s.ok(["consent", "refuse"] + s.c + ["--by", "youth", "--on", "2026-11-03"])
        try s.refused(
            ["register", "comensha"] + s.c + ["--kind", "identifiable", "--basis", "consent", "--on", "2026-11-04"],
            naming: "the youth refused consent on 2026-11-03, and the youth is 15: register non-identifiably (WGBO art. 7:450 lid 2 BW")
        try s.ok(["register", "comensha"] + s.c + ["--kind", "non-identifiable", "--on", "2026-11-04"])
        let shown = try s.show()
        #expect(shown?["consents"]?.array?.count == 3)
        #expect(shown?["registrations"]?.array?.first?["fieldsSent"]?.array?.contains("name") == false)
        s.daemon.stop()
    }

    @Test("a 17-year-old's parent cannot withdraw the youth's consent")
    func parentCannotWithdrawForSeventeen() throws {
        let s = try Session(age: 17)
        try s.ok(["consent", "give"] + s.c + ["--by", "youth", "--form", "written", "--purpose", "statistics", "--on", "2026-11-03"])
        try s.refused(
            ["consent", "withdraw"] + s.c + ["--by", "parent", "--on", "2026-11-04"],
            naming: "the youth is 17: the youth consent, not the parent (WGBO art. 7:447 BW")
        try s.ok(["register", "comensha"] + s.c + ["--kind", "identifiable", "--basis", "consent", "--on", "2026-11-04"])
        s.daemon.stop()
    }

    // BW art. 7:458 lid 2: "[...] indien de betrokkene tegen een verstrekking niet uitdrukkelijk
    // bezwaar heeft gemaakt": a 16-year-old who said no is never registered by name.
    @Test("after the youth's refusal no waiver ground is taken, and she is registered only non-identifiably")
    func waiverAfterRefusal() throws {
        let s = try Session(age: 16)
        try s.ok(["consent", "refuse"] + s.c + ["--by", "youth", "--on", "2026-11-03"])
        try s.refused(
            ["consent", "waiver", "request"] + s.c + ["--ground", "unable-to-consent", "--justification", "in crisis care", "--on", "2026-11-04"],
            naming: "which blocks every waiver: register non-identifiably (BW art. 7:458 lid 2")
        try s.refused(
            ["consent", "waiver", "request"] + s.c + [
                "--ground", "cannot-reasonably-be-asked", "--harm", "psychological-harm",
                "--justification", "asking would upset her", "--on", "2026-11-04",
            ],
            naming: "register non-identifiably, which needs no waiver")
        try s.refused(
            ["register", "comensha"] + s.c + ["--kind", "identifiable", "--basis", "waiver", "--on", "2026-11-04"],
            naming: "no unused waiver approved")
        try s.ok(["register", "comensha"] + s.c + ["--kind", "non-identifiable", "--on", "2026-11-04"])
        s.daemon.stop()
    }

    @Test("a waiver is approved by a second behavioural scientist, never by the one who asked")
    func waiverFourEyes() throws {
        let s = try Session(age: 16)
        try s.ok(
            ["consent", "waiver", "request"] + s.c + ["--ground", "unable-to-consent", "--justification", "in crisis care", "--on", "2026-11-04"])
        try s.refused(
            ["consent", "waiver", "approve"] + s.c + ["--ground", "unable-to-consent", "--on", "2026-11-04", "--role", "behavioural-scientist"],
            naming: "another behavioural scientist approves it (consent waiver: four eyes)")
        s.daemon.stop()
    }

    @Test("a registration is due after a weighing with a suspicion, listed on the worklist until it is made; the case cannot close meanwhile")
    func madeDueListedAndBlocksClosing() throws {
        let s = try Session(age: 16)
        try s.ok(["consult", "record"] + s.c + ["--signal", "signal-1", "--party", "attention-officer", "--on", "2026-11-03"])
        try s.ok(["conversation", "record"] + s.c + ["--signal", "signal-1", "--participant", "youth", "--on", "2026-11-04"])
        try s.ok(
            ["weigh"] + s.c + [
                "--signal", "signal-1", "--suspicion", "--no-unsafety", "--effective-help", "--help-accepted",
                "--decision", "help", "--on", "2026-11-05",
            ])
        let worklist = try s.ok(["worklist", "--on", "2026-11-06", "--json"]).json
        let item = try #require(worklist?["items"]?.array?.first { $0["kind"] == "registration-due" })
        #expect(item["case"] == "r1" && item["since"] == "2026-11-05")
        #expect(item["detail"]?.string?.contains("due by 2026-11-19") == true && item["detail"]?.string?.contains("attention-officer") == true)
        let next = try s.ok(["case", "next"] + s.c + ["--on", "2026-11-06"]).output
        #expect(next.contains("[the attention-officer, by 2026-11-19]"), "\(next)")

        try s.refused(
            ["case", "close"] + s.c + ["--reason", "care-ended", "--closed-on", "2026-11-06"],
            naming: "the open obligations are: registration-due")
        try s.ok(["consent", "give"] + s.c + ["--by", "youth", "--form", "spoken", "--purpose", "statistics", "--on", "2026-11-06"])
        try s.ok(["register", "comensha"] + s.c + ["--kind", "identifiable", "--basis", "consent", "--on", "2026-11-06"])
        let after = try s.ok(["worklist", "--on", "2026-11-06", "--json"]).json
        #expect(after?["items"]?.array?.contains { $0["kind"] == "registration-due" } == false)
        try s.ok(["case", "close"] + s.c + ["--reason", "care-ended", "--closed-on", "2026-11-06"])
        s.daemon.stop()
    }

    @Test("the filled-in form shows the identifying fields to carers, and its read is recorded")
    func formIsARecordedRead() throws {
        let s = try Session(age: 17)
        try s.ok(["consent", "give"] + s.c + ["--by", "youth", "--form", "written", "--purpose", "statistics", "--on", "2026-11-03"])
        try s.refused(
            ["register", "comensha"] + s.c + [
                "--kind", "identifiable", "--basis", "consent", "--purpose", "care-coordination", "--on", "2026-11-03",
            ],
            naming: "the youth must give explicit consent for care-coordination first")
        try s.ok(["consent", "give"] + s.c + ["--by", "youth", "--form", "written", "--purpose", "care-coordination", "--on", "2026-11-03"])
        try s.ok(
            ["register", "comensha"] + s.c + ["--kind", "identifiable", "--basis", "consent", "--purpose", "care-coordination", "--on", "2026-11-03"])
        let form = try s.ok(["register", "form"] + s.c).output
        #expect(form.contains("- Naam: Noor") && form.contains("- Geboorteland: Eritrea") && form.contains("zorgcoördinatie"))
        #expect(
            form.contains("- Geslacht: vrouw") && form.contains("- Nationaliteit: niet-Nederlands") && form.contains("seksuele uitbuiting"), "\(form)"
        )
        var reads: [JSONValue] = []
        _ = try s.daemon.client().call(.eventsTail, ["from": 1]) { if $0["type"] == "personal-data-read" { reads.append($0) } }
        #expect(reads.filter { $0["payload"]?["method"] == "registration.form" }.count == 1, "\(reads)")
        s.daemon.stop()
    }

    // AVG art. 7(3): a withdrawal "laat de rechtmatigheid van de verwerking [...] vóór de intrekking
    // daarvan, onverlet"; art. 19: the recipient is told.
    @Test("a withdrawal after an identifiable registration is on the worklist, with the notice in Dutch, until recorded as told")
    func withdrawalIsToldToCoMensha() throws {
        let s = try Session(age: 17)
        try s.ok(["consent", "give"] + s.c + ["--by", "youth", "--form", "written", "--purpose", "statistics", "--on", "2026-11-03"])
        try s.ok(["register", "comensha"] + s.c + ["--kind", "identifiable", "--basis", "consent", "--reference", "CM-7", "--on", "2026-11-03"])
        try s.ok(["consent", "withdraw"] + s.c + ["--by", "youth", "--on", "2026-11-04"])
        let worklist = try s.ok(["worklist", "--on", "2026-11-04", "--json"]).json
        let item = try #require(worklist?["items"]?.array?.first { $0["kind"] == "withdrawal-notice-due" })
        #expect(item["responsible"] == "attention-officer" && item["dueOn"] == "2026-11-11" && item["since"] == "2026-11-04")
        let form = try s.ok(["register", "form"] + s.c).output
        #expect(
            form.contains("## Intrekking van toestemming") && form.contains("de jongere de toestemming ingetrokken") && form.contains("kenmerk CM-7"))
        try s.ok(["register", "withdrawal-notified"] + s.c + ["--reference", "CM-7-W", "--on", "2026-11-05"])
        let after = try s.ok(["worklist", "--on", "2026-11-30", "--json"]).json
        #expect(after?["items"]?.array?.contains { $0["kind"] == "withdrawal-notice-due" } == false)
        try s.refused(
            ["register", "withdrawal-notified"] + s.c + ["--on", "2026-11-06"],
            naming: "no withdrawal of consent after an identifiable registration is waiting")
        s.daemon.stop()
    }

    // Issue: "Two cases of the same youth (same name and birth date) are both registered by name
    // today, and the statistics count 12 youths for 11 people." CoMensha asks the identifying
    // fields "om dubbeltellingen tegen te gaan" (research report §6.1).
    @Test("one youth, one count across cases: found by a blind index that holds no name, survives key rotation and forgets an erased case")
    func oneYouthAcrossCases() throws {
        let s = try Session(age: 17)
        func open(_ id: String, _ name: String) throws {
            try s.ok([
                "case", "open", "--case", id, "--unit", "north", "--gender", "female", "--nationality-group", "dutch", "--age", "17",
                "--name", name, "--birth-date", "2009-01-15", "--opened-on", "2026-11-02",
            ])
            try s.ok(["signal", "record", "--case", id, "--form", "sexual", "--nature", "concrete", "--observed-on", "2026-11-02"])
        }
        func youthsCounted() throws -> JSONValue? { try s.ok(["stats", "--json"]).json?["youths"]?.array?.first?["youths"] }
        #expect(try youthsCounted() == 1, "the session's own case r1")
        try open("y1", "Zoë van der Berg")
        try open("y2", "Zoe Berg")
        #expect(try youthsCounted() == 2, "y1 and y2 match in the index: one youth, not two, with r1")
        try s.ok(["register", "comensha", "--case", "y1", "--kind", "non-identifiable", "--on", "2026-11-03"])
        let refused = try s.ctl.run(["register", "comensha", "--case", "y2", "--kind", "non-identifiable", "--on", "2026-11-03"])
        #expect(
            refused.status == 65 && refused.error.contains("case y1 registered this youth non-identifiable on 2026-11-03 already"), "\(refused.error)"
        )
        // The store holds the index, not the name.
        let store = try Data(contentsOf: URL(fileURLWithPath: s.daemon.folder + "/data/data.mdb"))
        #expect(store.range(of: Data("berg".utf8)) == nil && store.range(of: Data("youth/".utf8)) != nil)

        let newKey = s.daemon.folder + "/new-master-key"
        try SymmetricKeyBytes.random().write(toFile: newKey, atomically: true, encoding: .utf8)
        try s.ok(["keys", "rotate", "--new-key", newKey])
        #expect(
            try s.ctl.run(["register", "comensha", "--case", "y2", "--kind", "non-identifiable", "--on", "2026-11-03"]).status == 65,
            "the index, keyed under the new master key, still finds y1")
        try s.ok(["subject", "erase", "--case", "y1", "--basis", "request", "--reason", "R-1", "--role", "privacy-officer"])
        // Erased, y1 no longer names the youth: its registration still counts, but is no longer found as hers.
        try s.ok(["register", "comensha", "--case", "y2", "--kind", "non-identifiable", "--on", "2026-11-04"])
        // An officer's word counts where the index has none (other names), and overrules it (twins).
        try open("y3", "Amira El Idrissi")
        try s.ok(["case", "link", "--case", "y2", "--other", "y3", "--reason", "one birth certificate"])
        #expect(try youthsCounted() == 3, "r1, y1, and y2 with y3: linked, one youth (the statistics read the links' index)")
        #expect(
            try s.ctl.run(["register", "comensha", "--case", "y3", "--kind", "non-identifiable", "--on", "2026-11-04"]).status == 65,
            "linked from y2's side, y3 finds y2's registration")
        try s.ok(["case", "unlink", "--case", "y3", "--other", "y2", "--reason", "twins after all"])  // as link --not-same
        try s.ok(["register", "comensha", "--case", "y3", "--kind", "non-identifiable", "--on", "2026-11-04"])
        #expect(try youthsCounted() == 4, "r1, y1, y2 and y3: y1 erased is no longer matched, y3 is not y2")
        s.daemon.stop()
    }

    // WGBO: below 12 the parents exercise the youth's rights (BW art. 7:465 lid 1); from 16 no one
    // but the youth reads the file without the youth's consent (art. 7:457 lid 1).
    @Test(
        """
        subject export --for parent follows the youth's age: refused for a 15-year-old unless good care allows, for a 17-year-old without her \
        consent
        """
    )
    func exportForParents() throws {
        for (age, statement, letter) in [(15, "--not-against-good-care", "BW artikel 7:465"), (17, "--youth-consented", "BW artikel 7:457")] {
            let s = try Session(age: age)
            let out = s.daemon.folder + "/inzage.json"
            let refused = try s.ctl.run(["subject", "export"] + s.c + ["--out", out, "--for", "parent"])
            #expect(refused.status == 65 && refused.error.contains(age == 15 ? "good care" : "only with the youth's consent"), "\(refused.error)")
            try s.ok(["subject", "export"] + s.c + ["--out", out, "--for", "parent", statement])
            let document = try String(contentsOfFile: out + ".md", encoding: .utf8)
            #expect(document.contains("U krijgt dit dossier als ouder of voogd") && document.contains(letter), "\(document.prefix(400))")
            try s.ok(["subject", "export"] + s.c + ["--out", out])  // the youth's own
            #expect(try String(contentsOfFile: out + ".md", encoding: .utf8).contains("omdat het over jou gaat"))
            s.daemon.stop()
        }
        let young = try Session(age: 10)
        let refused = try young.ctl.run(["subject", "export"] + young.c + ["--out", young.daemon.folder + "/x.json"])
        #expect(refused.status == 65 && refused.error.contains("below 12 the parents"), "\(refused.error)")
        young.daemon.stop()
    }

    /// Flesch–Douma, the Dutch reading ease: 206.835 − 0.93 × words per sentence − 77 × syllables
    /// per word; syllables are counted as groups of vowels, as the Dutch readability tools do.
    static func readingEase(_ text: String) -> (ease: Double, wordsPerSentence: Double) {
        let prose = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.joined(separator: " ")
        let sentences = prose.split(whereSeparator: { ".?!".contains($0) }).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        let words = prose.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() }
        let vowels = Set("aeiouyáéíóúàèëïöü")
        let syllables = words.map { word in
            max(1, zip([Character(" ")] + word, word).filter { !vowels.contains($0.0) && vowels.contains($0.1) }.count)
        }.reduce(0, +)
        let perSentence = Double(words.count) / Double(sentences.count)
        return (206.835 - 0.93 * perSentence - 77 * Double(syllables) / Double(words.count), perSentence)
    }

    // The research: young people "herkennen zichzelf vaak niet als slachtoffer", and registration
    // asks for consent that is explicit and informed; the letter is plain Dutch at B1.
    @Test("consent request --letter-out writes a letter in plain Dutch: what CoMensha is, what is sent and why, how to say no")
    func informationLetter() throws {
        let s = try Session(age: 14)
        try s.ok(["consent", "authority"] + s.c + ["--holder", "parent", "--on", "2026-11-03"])
        for (party, purposes) in [("youth", ["statistics"]), ("youth", ["statistics", "care-coordination"]), ("parent", ["care-coordination"])] {
            let file = s.daemon.folder + "/letter-\(party)-\(purposes.count).md"
            try s.ok(
                ["consent", "request"] + s.c + ["--from", party, "--letter-out", file, "--on", "2026-11-03"] + purposes.flatMap { ["--purpose", $0] })
            let letter = try String(contentsOfFile: file, encoding: .utf8)
            let (ease, perSentence) = Self.readingEase(letter)
            #expect(ease >= 60 && perSentence <= 15, "\(party) \(purposes): Flesch–Douma \(ease), \(perSentence) words a sentence")
            #expect(!letter.lowercased().contains("slachtoffer"))
            #expect(letter.contains("CoMensha is een landelijke organisatie") && letter.contains("nee zeggen") && letter.contains("naam"))
            #expect(letter.contains("zorgcoördinatie") == purposes.contains("care-coordination"))
            #expect(letter.contains(party == "youth" ? "Beste jongere" : "Beste ouder of voogd"))
        }
        // Issue 28: a file that cannot be written is 73 (EX_CANTCREAT), with the path and the reason.
        for arguments in [
            ["consent", "request"] + s.c + ["--from", "youth", "--letter-out", "/nonexistent/letter.md"],
            ["audit", "checkpoint", "--out", "/nonexistent/today.checkpoint"], ["metrics", "--output", "/nonexistent/spoor.prom"],
        ] {
            let unwritable = try s.ctl.run(arguments)
            #expect(
                unwritable.status == 73 && unwritable.error.contains("cannot write /nonexistent/") && unwritable.error.contains("No such file"),
                "\(arguments[0]): \(unwritable.status) \(unwritable.error)")
        }
        s.daemon.stop()
    }
}
