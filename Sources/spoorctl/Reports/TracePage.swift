import SpoorProtocol

/// `audit trace --format html`: the timeline of one signal, who did what and when, where each
/// step is in the log, and each inclusion proof's result when asked for. What the daemon sends is
/// what a trace holds: no personal content.
enum TracePage {
    static func render(_ trace: JSONValue, caseID: String, signal: String, checkpointSize: UInt64?) -> String {
        var page = HTMLPage(title: "Spoor: the trail of \(signal) in case \(caseID)")
        let entries = trace["entries"]?.array ?? []
        let items = entries.map { entry -> String in
            let proof: String
            switch entry["proof"]?.string {
            case "verified"?: proof = " <span class=\"ok\">✔ in the log the checkpoint signed</span>"
            case let other?: proof = " <span class=\"note\">(\(HTMLPage.escape(other)))</span>"
            case nil: proof = ""
            }
            return "<li><strong>\(HTMLPage.escape(Output.text(entry["recordedOn"])))</strong> · \(HTMLPage.escape(Output.text(entry["what"])))<br>"
                + "<span class=\"note\">\(HTMLPage.escape(Output.text(entry["actor"]))) as \(HTMLPage.escape(Output.text(entry["role"]))), "
                + "position \(HTMLPage.escape(Output.text(entry["position"]))), \(HTMLPage.escape(Output.text(entry["type"])))</span>\(proof)</li>"
        }
        page.add(heading: "Timeline", "<ol class=\"timeline\">\n" + items.joined(separator: "\n") + "\n</ol>")
        let note = checkpointSize.map { "Each step's inclusion in the log was proven here against a checkpoint of \($0) events, signed by the log's key: a step shown otherwise than the log holds it fails the proof." }
            ?? "Proofs were not asked for: run with --prove --checkpoint FILE --key KEY to prove each step against a checkpoint you hold."
        page.add(heading: "Proof", "<p class=\"note\">\(HTMLPage.escape(note))</p>")
        return page.html
    }
}
