import SpoorProtocol

/// The export of a case as a document a youth or parent can read: who the case is about, and
/// everything recorded, in order, in plain words where the log has codes.
enum SubjectDocument {
    static func markdown(case view: JSONValue, events: [JSONValue], reads: [JSONValue]) -> String {
        var lines = ["# Your file at the institution: case \(text(view["case"]))", ""]
        if let personal = view["personal"]?.object {
            lines += ["This file is about **\(text(personal["name"]))**, born \(text(personal["birthDate"])).", ""]
        } else if view["erased"] == true {
            lines += ["The personal data in this file has been erased; what remains has no name or other personal details.", ""]
        }
        lines += ["Opened on \(text(view["openedOn"])) by unit \(text(view["unit"])); the file is \(view["open"] == true ? "open" : "closed").", "",
                  "## Everything recorded, in order", ""]
        for event in events {
            let what = text(event["type"]).replacingOccurrences(of: "-", with: " ")
            lines.append("- **\(text(event["recordedAt"]).prefix(10))**, \(what), by \(text(event["actor"]?["name"])) (\(text(event["role"])))")
            if let payload = event["payload"]?.object {
                for key in payload.keys.sorted() where key != "personal" {
                    lines.append("  - \(key): \(text(payload[key]))")
                }
                if let personal = payload["personal"] {
                    lines.append("  - written down: \(personal["text"].map(text) ?? text(personal))")
                }
            }
        }
        lines += ["", "## Who read this file", ""]
        lines += reads.isEmpty ? ["Nobody has read the personal details in this file yet."] : reads.map { read in
            "- **\(text(read["recordedAt"]).prefix(10))**: \(text(read["actor"])) (\(text(read["role"]))), \(text(read["what"])), because: \(text(read["ground"]))"
        }
        lines += ["", "You may ask for anything in this file to be corrected, or for your personal data to be erased."]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func text(_ value: JSONValue?) -> String {
        switch value {
        case .string(let string)?: string
        case .number(let number)?: number.rounded() == number ? String(Int64(number)) : String(number)
        case .bool(let flag)?: flag ? "yes" : "no"
        case .array(let items)?: items.map { text($0) }.joined(separator: ", ")
        case .object(let object)?: object.keys.sorted().map { "\($0) \(text(object[$0]))" }.joined(separator: "; ")
        case .null?, nil: "-"
        }
    }
}
