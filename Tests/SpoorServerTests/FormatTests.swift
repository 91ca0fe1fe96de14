import Foundation
import SpoorJSON
import Testing

/// Issue 26: "A `.swift-format` with a line limit the code keeps (150 is Hummingbird's), checked in
/// CI; no line over it", and "Doc comments on every public symbol of SpoorJSON, SpoorProof and
/// SpoorProtocol, held by swift-format's `AllPublicDeclarationsHaveDocumentation` rule in CI."
@Suite("The code is written to be read: swift-format's layout, 150 characters a line, every public symbol of the libraries documented")
struct FormatTests {
    static let paths = ["Sources", "Tests", "Benchmarks/Sources", "Package.swift", "Benchmarks/Package.swift"]
    static let documented = ["SpoorJSON", "SpoorProof", "SpoorProtocol"]

    @Test("swift-format lint --strict finds nothing (make format writes what it asks)")
    func lintIsClean() throws {
        let result = try SystemdUnitTests.run(["swift-format", "lint", "--strict", "--recursive", "--parallel"] + Self.paths)
        #expect(result.status == 0 && result.output.isEmpty, "\(result.output.prefix(3_000))")
    }

    @Test("the configuration holds the line to 150 characters, and the documentation rule is on for the three libraries")
    func configurationHoldsTheRules() throws {
        let root = try Self.configuration(".swift-format")
        #expect(root["lineLength"]?.number == 150)
        for module in Self.documented {
            let own = try Self.configuration("Sources/\(module)/.swift-format")
            #expect(own["lineLength"]?.number == 150)
            #expect(own["rules"]?["AllPublicDeclarationsHaveDocumentation"]?.bool == true, "\(module)")
        }
    }

    @Test("no line of Swift is over 150 characters, string literals included")
    func noLineOver150() throws {
        var over: [String] = []
        let root = URL(fileURLWithPath: SystemdUnitTests.packageRoot)
        for path in Self.paths {
            let start = root.appendingPathComponent(path)
            let files =
                path.hasSuffix(".swift")
                ? [start]
                : (FileManager.default.enumerator(at: start, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? [])
            for file in files where file.pathExtension == "swift" && !file.path.contains("/.build") {
                for (number, line) in try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                    .enumerated() where line.count > 150
                {
                    over.append("\(file.path):\(number + 1): \(line.count)")
                }
            }
        }
        #expect(over.isEmpty, "\(over.prefix(20).joined(separator: "\n"))")
    }

    static func configuration(_ path: String) throws -> JSONValue {
        try JSONValue.parse(Array(try Data(contentsOf: URL(fileURLWithPath: SystemdUnitTests.packageRoot + "/" + path))))
    }
}
