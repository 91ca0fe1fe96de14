import Foundation
import SpoorProof
import SpoorProtocol

/// `audit trace --format html`: the timeline of one signal, who did what and when, where each
/// step is in the log, and each inclusion proof's result when asked for. What the daemon sends is
/// what a trace holds: no personal content.
enum TracePage {
    /// `held`: the checkpoint the steps were proven against, and the verifier key it was held to.
    static func render(_ trace: JSONValue, caseID: String, signal: String, held: (checkpoint: Checkpoint, key: String)?) -> String {
        var page = HTMLPage(title: "Spoor: the trail of \(signal) in case \(caseID)")
        let entries = trace["entries"]?.array ?? []
        let items = entries.map { entry -> String in
            let proof: String
            switch entry["proof"]?.string {
            case "verified"?: proof = " <span class=\"ok\">✔ in the log the checkpoint signed</span>"
            case let other?: proof = " <span class=\"note\">(\(HTMLPage.escape(other)))</span>"
            case nil: proof = ""
            }
            return "<li><strong>\(HTMLPage.escape(Output.text(entry["happenedOn"])))</strong> · \(HTMLPage.escape(Output.text(entry["what"])))<br>"
                + "<span class=\"note\">recorded \(HTMLPage.escape(Output.text(entry["recordedAt"]))) by "
                + "\(HTMLPage.escape(Render.who(entry))) as \(HTMLPage.escape(Output.text(entry["role"]))), "
                + "position \(HTMLPage.escape(Output.text(entry["position"]))), \(HTMLPage.escape(Output.text(entry["type"])))</span>\(proof)</li>"
        }
        page.add(heading: "Timeline", "<ol class=\"timeline\">\n" + items.joined(separator: "\n") + "\n</ol>")
        guard let (checkpoint, key) = held else {
            page.add(heading: "Proof", "<p class=\"note\">Proofs were not asked for: run with --prove --checkpoint FILE --key KEY to prove each step against a checkpoint you hold.</p>")
            return page.html
        }
        // Enough to re-verify from the page alone: the checkpoint's log, size and root, and the key.
        let facts = [("log (origin)", checkpoint.origin), ("events in the checkpoint", String(checkpoint.head.size)),
                     ("tree root", Data(checkpoint.head.root.bytes).base64EncodedString()), ("verifier key", key)]
        page.add(heading: "Proof", "<p class=\"note\">Each step's inclusion in the log was proven here against this checkpoint, signed by the log's key: a step shown otherwise than the log holds it fails the proof. Re-verify with spoorctl audit trace --prove, or audit verify-trace on the proofs kept with --out.</p>\n<dl>"
                 + facts.map { "<dt>\(HTMLPage.escape($0.0))</dt><dd><code>\(HTMLPage.escape($0.1))</code></dd>" }.joined() + "</dl>")
        return page.html
    }
}
