import Foundation

/// A horizontal bar chart in SVG, drawn here from numbers: one bar per label, its value written
/// beside it. A value the daemon withheld (a small cell, `<5`) is drawn as a hatched stub with its
/// text, never as a number it is not.
struct BarChart {
    struct Bar {
        var label: String
        /// The count, or `nil` when the daemon showed only a text such as `<5`.
        var value: Double?
        var text: String
    }

    var bars: [Bar]
    var colour = "#3b6fb6"

    var svg: String {
        let width = 640.0, labelWidth = 200.0, barHeight = 24.0, gap = 8.0
        let largest = max(bars.compactMap(\.value).max() ?? 0, 1)
        let height = Double(bars.count) * (barHeight + gap) + gap
        var parts = [
            """
            <svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \
            \(Int(height))\">
            """,
            """
            <defs><pattern id=\"withheld\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><path d=\"M0,6 L6,0\" \
            stroke=\"#999\"/></pattern></defs>
            """,
        ]
        for (index, bar) in bars.enumerated() {
            let y = gap + Double(index) * (barHeight + gap)
            let length = bar.value.map { max(($0 / largest) * (width - labelWidth - 80), $0 > 0 ? 2 : 0) } ?? 12
            let fill = bar.value == nil ? "url(#withheld)" : colour
            parts.append("<text x=\"0\" y=\"\(y + 17)\">\(HTMLPage.escape(bar.label))</text>")
            parts.append(
                """
                <rect class=\"bar\" x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(String(format: "%.1f", length))\" height=\"\(barHeight)\" \
                fill=\"\(fill)\"/>
                """
            )
            parts.append("<text x=\"\(String(format: "%.1f", labelWidth + length + 6))\" y=\"\(y + 17)\">\(HTMLPage.escape(bar.text))</text>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }
}
