import ArgumentParser
import Foundation
import Logging
import SpoorHubClient

/// `spoor-relay`: the only Spoor process with a network. It follows the daemon through its socket
/// in the role `relay` and ships each new checkpoint, with its consistency proof, to the national
/// hub's witness over mutual TLS, handing every cosignature back to the daemon.
@main
struct SpoorRelayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spoor-relay", abstract: "Ship the log's checkpoints to the national hub's witness and hand its cosignatures back to spoord.")

    @Option(help: "The configuration file.") var config = "/etc/spoor-relay/relay.json"
    @Flag(help: "Run one round and exit: 0 when the checkpoint is cosigned or was already, 75 when the hub asks to wait, 69 otherwise.")
    var once = false

    func run() async throws {
        var logger = Logger(label: "spoor-relay")
        logger.logLevel = .info
        let configuration: RelayConfiguration
        let hub: HubClient
        do {
            configuration = try RelayConfiguration.load(from: config)
            hub = try HubClient(
                hub: configuration.hub, certificate: configuration.tls.certificate, key: configuration.tls.key,
                hubCA: configuration.tls.hubCA)
        } catch {
            FileHandle.standardError.write(Data("spoor-relay: cannot run: \(error)\n".utf8))
            throw ExitCode(78)
        }
        let shipping = Shipping(
            checkpoints: CheckpointShipping(
                socket: configuration.socket, hub: hub, cursor: Cursor(path: configuration.statePath),
                logger: logger),
            records: RecordShipping(
                socket: configuration.socket, hub: hub, cursor: Cursor(path: configuration.recordsStatePath),
                logger: logger),
            deliveries: DeliveryShipping(
                socket: configuration.socket, hub: hub,
                cursor: Cursor(path: configuration.acknowledgementsStatePath), logger: logger))
        if once {
            do { try await runOnce(shipping, logger: logger) } catch {
                await hub.shutdown()
                throw error
            }
            return await hub.shutdown()
        }
        let interval = configuration.intervalSeconds ?? 60
        var failures = 0
        while !Task.isCancelled {
            var pause = interval
            do {
                if case .wait(let after) = try await shipping.round() { pause = after ?? Self.backoff(failures + 1, cap: interval * 10) }
                failures = 0
            } catch {
                failures += 1
                pause = Self.backoff(failures, cap: interval * 10)
                logger.error("round failed (\(failures) in a row), next in \(pause) s: \(error)")
            }
            try await Task.sleep(for: .seconds(pause))
        }
    }

    private func runOnce(_ shipping: Shipping, logger: Logger) async throws {
        do {
            switch try await shipping.round() {
            case .shipped(let size, let records, let posted, let acknowledged):
                print(
                    """
                    cosigned: \(size) events; records shipped: \(records); outbox entries posted: \(posted); acknowledgements recorded: \
                    \(acknowledged)
                    """
                )
            case .wait(let after): print("the hub asks to wait\(after.map { " \($0) s" } ?? "")"); throw ExitCode(75)
            }
        } catch let exit as ExitCode { throw exit } catch {
            FileHandle.standardError.write(Data("spoor-relay: \(error)\n".utf8))
            throw ExitCode(69)
        }
    }

    /// One round: the checkpoint first, then the records it covers, proved against it, then the
    /// outbox for CoMensha and CoMensha's acknowledgements back.
    struct Shipping {
        let checkpoints: CheckpointShipping
        let records: RecordShipping
        let deliveries: DeliveryShipping

        enum Outcome: Equatable {
            case shipped(cosigned: UInt64, records: Int, posted: Int, acknowledged: Int)
            case wait(Int?)
        }

        func round() async throws -> Outcome {
            let size: UInt64
            switch try await checkpoints.round() {
            case .wait(let after): return .wait(after)
            case .cosigned(let cosigned), .unchanged(let cosigned): size = cosigned
            }
            let count: Int
            switch try await records.round(cosignedSize: size) {
            case .wait(let after): return .wait(after)
            case .shipped(_, let shipped): count = shipped
            }
            switch try await deliveries.round() {
            case .wait(let after): return .wait(after)
            case .done(let posted, let acknowledged): return .shipped(cosigned: size, records: count, posted: posted, acknowledged: acknowledged)
            }
        }
    }

    /// Exponential back-off with full jitter: a random pause up to 2^failures seconds, capped.
    static func backoff(_ failures: Int, cap: Int) -> Int { Int.random(in: 1...max(1, min(cap, 1 << min(failures, 16)))) }
}
