import ArgumentParser
import Foundation
import Logging
import SpoorHubClient
import SpoorProtocol

/// `spoor-comensha`: CoMensha's side of the national hub. It fetches the identifiable
/// registrations the institutions sealed to CoMensha's key, opens them with CoMensha's private key
/// (which never leaves CoMensha), writes each to the inbox for CoMensha's registration system,
/// and acknowledges it; the acknowledgement flows back through the hub and each institution's
/// relay into the institution's log.
@main
struct SpoorCoMenshaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spoor-comensha", abstract: "Fetch, open and acknowledge the registrations sealed to CoMensha at the national Spoor hub.")

    @Option(help: "The configuration file.") var config = "/etc/spoor-comensha/comensha.json"
    @Flag(help: "Run one round and exit: 0 when every delivery opened, 65 when one did not, 69 when the hub could not be read.")
    var once = false

    func run() async throws {
        var logger = Logger(label: "spoor-comensha")
        logger.logLevel = .info
        let configuration: CoMenshaConfiguration
        let intake: Intake
        do {
            configuration = try CoMenshaConfiguration.load(from: config)
            let keys = try configuration.keys.mapValues { path in
                guard let text = FileManager.default.contents(atPath: path) else { throw CoMenshaError("the key \(path) cannot be read") }
                do { return try DeliveryEnvelope.privateKey(base64: String(decoding: text, as: UTF8.self)).rawRepresentation } catch {
                    throw CoMenshaError("the key \(path) is \(error)")
                }
            }
            let hub = try HubClient(
                hub: configuration.hub, certificate: configuration.tls.certificate, key: configuration.tls.key,
                hubCA: configuration.tls.hubCA)
            intake = Intake(hub: hub, keys: keys, inbox: configuration.inbox, logger: logger)
        } catch {
            FileHandle.standardError.write(Data("spoor-comensha: cannot run: \(error)\n".utf8))
            throw ExitCode(78)
        }
        if once {
            do { try await runOnce(intake) } catch {
                await intake.hub.shutdown()
                throw error
            }
            return await intake.hub.shutdown()
        }
        while !Task.isCancelled {
            do {
                let outcome = try await intake.round()
                if outcome.opened + outcome.notices > 0 { logger.info("opened \(outcome.opened) deliveries, took \(outcome.notices) notices") }
            } catch {
                logger.error("round failed: \(error)")
            }
            try await Task.sleep(for: .seconds(configuration.intervalSeconds ?? 60))
        }
    }

    private func runOnce(_ intake: Intake) async throws {
        let outcome: Intake.Outcome
        do { outcome = try await intake.round() } catch {
            FileHandle.standardError.write(Data("spoor-comensha: \(error)\n".utf8))
            throw ExitCode(69)
        }
        print("opened: \(outcome.opened); notices: \(outcome.notices); not opened: \(outcome.failed)")
        if outcome.failed > 0 { throw ExitCode(65) }
    }
}
