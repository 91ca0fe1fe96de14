import Foundation
import SpoorProtocol
import Testing

/// The metrics a monitoring system reads, through `spoorctl metrics` as the timer runs it.
@Suite("Metrics in the Prometheus text format")
struct MetricsTests {
    static let promtool = ["/usr/bin/promtool", "/usr/local/bin/promtool"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The value of the sample `name{labels}` in `text`, or nil.
    static func sample(_ text: String, _ series: String) -> Double? {
        text.split(separator: "\n").first { $0.hasPrefix(series + " ") }.flatMap { Double($0.split(separator: " ").last!) }
    }

    @Test("commands, errors, denials, commits, the store and the worklist are counted, and promtool finds nothing to lint")
    func theExpositionCountsWhatHappened() throws {
        let daemon = try DaemonProcess()
        let ctl = Spoorctl(socketPath: daemon.socketPath)
        for id in ["m1", "m2"] {
            #expect(
                try ctl("case", "open", "--case", id, "--unit", "north", "--gender", "male", "--nationality-group", "dutch", "--age", "15").status
                    == 0)
        }
        // A refused command: the case exists already.
        #expect(
            try ctl("case", "open", "--case", "m1", "--unit", "north", "--gender", "male", "--nationality-group", "dutch", "--age", "15").status != 0)
        let file = daemon.folder + "/spoor.prom"
        let written = try ctl("metrics", "--output", file)
        #expect(written.status == 0, "\(written.error)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(Self.sample(text, #"spoor_commands_total{command="open-case",outcome="recorded"}"#) == 2)
        #expect(Self.sample(text, #"spoor_commands_total{command="open-case",outcome="conflict"}"#) == 1, "\(text)")
        #expect(Self.sample(text, #"spoor_requests_total{method="case.command",outcome="ok"}"#) == 2)
        #expect((Self.sample(text, "spoor_commit_duration_seconds_count") ?? 0) >= 2)
        #expect((Self.sample(text, "spoor_commit_batch_size_sum") ?? 0) >= 2)
        #expect((Self.sample(text, "spoor_store_bytes") ?? 0) > 0)
        #expect(Self.sample(text, "spoor_writes_stopped") == 0)
        #expect(Self.sample(text, #"spoor_worklist_items{kind="signal-stalled"}"#) != nil, "\(text)")
        // Every family has its help and type.
        for line in text.split(separator: "\n") where line.hasPrefix("# TYPE ") {
            let name = line.split(separator: " ")[2]
            #expect(text.contains("# HELP \(name) "), "\(name) has no help")
        }
        // No personal content and no case ids in the metrics.
        #expect(!text.contains("m1") && !text.contains("m2"))
        // `make test` installs Debian's prometheus for promtool.
        let promtool = try #require(Self.promtool, "promtool is missing: apt-get install prometheus")
        let check = try SystemdUnitTests.run(["sh", "-c", "\(promtool) check metrics < \(file)"])
        #expect(check.status == 0 && check.output.isEmpty, "\(check.output)")
    }
}
