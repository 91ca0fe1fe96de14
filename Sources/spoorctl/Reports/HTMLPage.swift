import SpoorDomain
/// One self-contained HTML page: inline CSS and SVG, no script, nothing fetched from elsewhere, so
/// that it opens offline, prints, and can be mailed to a board or an auditor as one file.
struct HTMLPage {
    var title: String
    /// The page's language, for `lang` and for screen readers.
    var language: PageLanguage = .nl
    var sections: [String] = []

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    mutating func add(heading: String, _ body: String) {
        sections.append("<section><h2>\(Self.escape(heading))</h2>\n\(body)\n</section>")
    }

    /// A table of text cells, the first row a header.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let head = header.map { "<th>\(escape($0))</th>" }.joined()
        let body = rows.map { "<tr>" + $0.map { "<td>\(escape($0))</td>" }.joined() + "</tr>" }.joined(separator: "\n")
        return "<table><thead><tr>\(head)</tr></thead><tbody>\n\(body)\n</tbody></table>"
    }

    var html: String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)"><head><meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <title>\(Self.escape(title))</title>
        <style>
        body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #1d1d1f; }
        h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ccc; }
        table { border-collapse: collapse; margin: 1em 0; } th, td { padding: .3em .7em; border-bottom: 1px solid #e3e3e3; text-align: left; }
        th { background: #f3f3f5; } td.n { text-align: right; } .note { color: #555; font-size: .9em; }
        svg text { font: 13px system-ui, sans-serif; fill: #1d1d1f; } .ok { color: #0a7a2f; } .bad { color: #b00020; font-weight: bold; }
        ol.timeline { list-style: none; padding: 0; border-left: 3px solid #3b6fb6; }
        ol.timeline li { margin: 0 0 1em 0; padding-left: 1em; position: relative; }
        ol.timeline li::before {
          content: ""; position: absolute; left: -8px; top: .4em; width: 13px; height: 13px; border-radius: 50%; background: #3b6fb6;
        }
        </style></head>
        <body><h1>\(Self.escape(title))</h1>
        \(sections.joined(separator: "\n"))
        </body></html>

        """
    }
}
