import Foundation
import Hummingbird
import Logging
import SpoorDomain
import SpoorWitness

/// The national statistics (`GET /statistics`, JSON; `GET /statistics.html`, a page), for any
/// client the hub knows (an institution's relay, CoMensha): the registrations and youths of a
/// period of months by one dimension, protected so that they identify nobody.
struct StatisticsRoutes {
    let records: PostgresRecordStore
    /// The certificates the hub knows: relays and CoMensha.
    let known: Set<String>
    let threshold: Int
    let logger: Logger

    /// The answer: the table and what it rests on.
    struct Table: Codable, Sendable {
        var by: String?
        var from: String
        var to: String
        var threshold: Int
        var mergedGroups: Int
        var rows: [NationalStatistics.Row]
        var note: String
    }

    func add(to router: Router<HubRequestContext>) {
        router.get("statistics") { request, context in
            try await answer(request, context) { try .json($0) }
        }
        router.get("statistics.html") { request, context in
            try await answer(request, context) { WitnessResponse(status: 200, contentType: "text/html; charset=utf-8", body: Self.page($0)) }
        }
    }

    private func answer(_ request: Request, _ context: HubRequestContext, _ render: (Table) throws -> WitnessResponse) async throws -> Response {
        let response: WitnessResponse
        do {
            guard known.contains(try await context.clientFingerprint()) else {
                throw WitnessRefusal(403, "this certificate is not one the hub knows")
            }
            response = try render(try await table(request.uri.queryParameters))
        } catch let refusal as WitnessRefusal {
            response = WitnessResponse(status: refusal.status, body: refusal.reason + "\n")
        } catch {
            logger.warning("statistics: \(error)")
            response = WitnessResponse(status: 503, body: "the hub cannot read its statistics now: \(error)\n")
        }
        return HubServer.response(response)
    }

    private func table(_ query: Hummingbird.Parameters) async throws -> Table {
        let by = try query.get("by").map { text in
            guard let dimension = NationalStatistics.Dimension(rawValue: text) else {
                throw WitnessRefusal(
                    400, "by: \(text) is not one of \(NationalStatistics.Dimension.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return dimension
        }
        let from = try Self.month(query.get("from") ?? "1900-01", "from"), to = try Self.month(query.get("to") ?? "2999-12", "to")
        let counts = try await records.counts(by: by, from: from, to: to)
        let (rows, merged) = NationalStatistics.protected(counts, threshold: threshold)
        return Table(
            by: by?.rawValue, from: from, to: to, threshold: threshold, mergedGroups: merged, rows: rows, note: NationalStatistics.doubleCounting)
    }

    private static func month(_ text: String, _ name: String) throws -> String {
        guard RegistrationRecord.isMonth(text) else { throw WitnessRefusal(400, "\(name): \(text) is not a month YYYY-MM") }
        return text
    }

    /// The table as a page, in Dutch, as the daemon's statistics page is.
    static func page(_ table: Table) -> String {
        func cell(_ value: Int?) -> String {
            value.map(String.init) ?? "<abbr title=\"verborgen: te weinig om niemand herkenbaar te maken\">–</abbr>"
        }
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        let rows = table.rows.map {
            let group = escaped($0.group.isEmpty ? "totaal" : $0.group)
            return "<tr><th scope=\"row\">\(group)</th><td>\(cell($0.registrations))</td><td>\(cell($0.youths))</td></tr>"
        }
        return """
            <!doctype html>
            <html lang="nl"><head><meta charset="utf-8"><title>Registraties bij CoMensha, landelijk</title></head><body>
            <h1>Registraties bij CoMensha, landelijk</h1>
            <p>\(table.from) tot en met \(table.to)\(table.by.map { """
                , naar \
                \(escaped($0))
                """ } ?? ""). Aantallen onder \(table.threshold) zijn verborgen, \
            en zoveel andere als nodig om ze niet terug te rekenen; \(table.mergedGroups) kleine groepen zijn samengevoegd tot ‘other’.</p>
            <table><thead><tr><th scope="col">groep</th><th scope="col">registraties</th><th scope="col">jongeren</th></tr></thead>
            <tbody>\(rows.joined())</tbody></table>
            <p>Een jongere die door twee instellingen is geregistreerd telt twee keer: elke instelling heeft haar eigen pseudoniem.</p>
            </body></html>

            """
    }
}
