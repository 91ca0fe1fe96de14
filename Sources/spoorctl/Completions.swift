import ArgumentParser
import Foundation
import SpoorProtocol

/// What the shells complete, as `systemctl` completes unit names: fixed words from the schemas,
/// and what the daemon knows (the caller's cases, the protocol's catalogue) when it is reachable;
/// nothing when it is not, rather than an error in the middle of a command line.
enum Completions {
    static let nature = CompletionKind.list(["gut-feeling", "concrete"])
    static let gender = CompletionKind.list(["female", "male", "other", "unknown"])
    static let nationalityGroup = CompletionKind.list(["dutch", "non-dutch", "unknown"])

    /// The ids of the cases the caller may read (`case list`).
    static let cases = CompletionKind.custom { _, _, prefix in
        (try? call(.caseList, CaseListParams(closed: true, limit: 10_000), as: CaseListReply.self))?.cases.map(\.case).filter { $0.hasPrefix(prefix) }
            ?? []
    }

    /// The units of the cases the caller may read.
    static let units = CompletionKind.custom { _, _, prefix in
        Array(Set((try? call(.caseList, CaseListParams(closed: true, limit: 10_000), as: CaseListReply.self))?.cases.map(\.unit) ?? []))
            .filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// The forms of exploitation of the protocol in force.
    static let forms = CompletionKind.custom { _, _, prefix in
        let shown = try? call(.protocolShow, ProtocolShowParams(), as: ProtocolShowReply.self)
        return (shown?.protocol["catalogue"]?["formsOfExploitation"]?.array ?? []).compactMap { $0["id"]?.string }.filter { $0.hasPrefix(prefix) }
    }

    private static func call<Reply: Decodable>(_ method: SpoorProtocol.Method, _ params: some Encodable, as type: Reply.Type) throws -> Reply {
        let socket = ProcessInfo.processInfo.environment["SPOOR_SOCKET"] ?? WireProtocol.defaultSocketPath
        return try SocketClient(socketPath: socket).call(method, JSONValue(encoding: params), as: type)
    }
}
