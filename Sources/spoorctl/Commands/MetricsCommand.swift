import ArgumentParser
import SpoorProtocol

struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics", abstract: "The daemon's metrics in the Prometheus text format.",
        discussion: """
            With --output, the text is written atomically to that file, for node_exporter's textfile \
            collector (the spoor-metrics timer writes /var/lib/prometheus/node-exporter/spoor.prom).
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "Write the text to this file, atomically, instead of printing it.") var output: String?

    func run() throws {
        var reply: MetricsReply?
        _ = try global.fetch { client in
            reply = try client.call(.metrics, as: MetricsReply.self)
            return nil
        }
        guard let text = reply?.text else { return }
        guard let output else { return print(text, terminator: text.hasSuffix("\n") ? "" : "\n") }
        try AtomicFile.write(Array(text.utf8), to: output)
    }
}
