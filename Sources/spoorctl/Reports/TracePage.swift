import Foundation
import SpoorDomain
import SpoorProof
import SpoorProtocol

/// `audit trace --format html`: the timeline of one signal, who did what and when, where each
/// step is in the log, and each inclusion proof's result when asked for. What the daemon sends is
/// what a trace holds: no personal content.
enum TracePage {
    /// `held`: the checkpoint the steps were proven against, and the verifier key it was held to.
    static func render(
        _ trace: JSONValue, caseID: String, signal: String, held: (checkpoint: Checkpoint, key: String)?,
        language l: PageLanguage = .nl
    ) -> String {
        var page = HTMLPage(
            title: l.say("Spoor: het spoor van \(signal) in zaak \(caseID)", "Spoor: the trail of \(signal) in case \(caseID)"), language: l)
        let entries = trace["entries"]?.array ?? []
        let items = entries.map { entry -> String in
            let proof: String
            switch entry["proof"]?.string {
            case "verified"?:
                proof =
                    " <span class=\"ok\">✔ \(l.say("in het logboek dat het controlepunt ondertekende", "in the log the checkpoint signed"))</span>"
            case let other?: proof = " <span class=\"note\">(\(HTMLPage.escape(other)))</span>"
            case nil: proof = ""
            }
            return """
                <li><strong>\(HTMLPage.escape(Output.text(entry["happenedOn"])))</strong> · \(HTMLPage.escape(Output.text(entry["what"])))<br>\
                <span class=\"note\">\(l.say("vastgelegd", "recorded")) \(HTMLPage.escape(Output.text(entry["recordedAt"]))) \
                \(l.say("door", "by")) \
                \(HTMLPage.escape(Render.who(entry))) \(l.say("als", "as")) \(HTMLPage.escape(role(entry["role"]?.string, l))), \
                \(l.say("positie", "position")) \(HTMLPage.escape(Output.text(entry["position"]))), \
                \(HTMLPage.escape(Output.text(entry["type"])))</span>\(proof)</li>
                """
        }
        page.add(heading: l.say("Tijdlijn", "Timeline"), "<ol class=\"timeline\">\n" + items.joined(separator: "\n") + "\n</ol>")
        guard let (checkpoint, key) = held else {
            page.add(
                heading: l.say("Bewijs", "Proof"),
                "<p class=\"note\">"
                    + l.say(
                        """
                        Er is geen bewijs gevraagd: draai met --prove --checkpoint BESTAND --key SLEUTEL om elke stap te bewijzen tegen een \
                        controlepunt dat u bewaart.
                        """,
                        "Proofs were not asked for: run with --prove --checkpoint FILE --key KEY to prove each step against a checkpoint you hold.")
                    + "</p>")
            return page.html
        }
        // Enough to re-verify from the page alone: the checkpoint's log, size and root, and the key.
        let facts = [
            (l.say("logboek (origin)", "log (origin)"), checkpoint.origin),
            (l.say("gebeurtenissen in het controlepunt", "events in the checkpoint"), String(checkpoint.head.size)),
            (l.say("wortel van de boom", "tree root"), Data(checkpoint.head.root.bytes).base64EncodedString()),
            (l.say("verificatiesleutel", "verifier key"), key),
        ]
        let explained = l.say(
            """
            Dat elke stap in het logboek staat, is hier bewezen tegen dit controlepunt, ondertekend met de sleutel van het logboek: een stap die \
            anders getoond wordt dan het logboek hem bewaart, doorstaat het bewijs niet. Opnieuw controleren: spoorctl audit trace --prove, \
            of audit verify-trace op de bewijzen bewaard met --out.
            """,
            """
            Each step's inclusion in the log was proven here against this checkpoint, signed by the log's key: a step shown otherwise than the \
            log holds it fails the proof. Re-verify with spoorctl audit trace --prove, or audit verify-trace on the proofs kept with --out.
            """
        )
        page.add(
            heading: l.say("Bewijs", "Proof"),
            "<p class=\"note\">\(explained)</p>\n<dl>"
                + facts.map { "<dt>\(HTMLPage.escape($0.0))</dt><dd><code>\(HTMLPage.escape($0.1))</code></dd>" }.joined() + "</dl>")
        return page.html
    }

    /// A role as the meldcode names it, in the page's language.
    private static func role(_ raw: String?, _ l: PageLanguage) -> String { raw.flatMap(Role.init(rawValue:)).map(l.role) ?? raw ?? "-" }
}
