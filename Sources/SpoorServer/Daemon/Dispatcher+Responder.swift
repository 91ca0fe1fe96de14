import SpoorApplication
import SpoorProtocol

/// The dispatcher serves the socket: the transport gives it the kernel's credentials, it makes the caller.
extension Dispatcher: Responder {
    func peer(_ credentials: PeerCredentials, connection: Int) -> Caller.Peer { peer(uid: credentials.uid, connection: connection) }

    func respond(to request: Request, from peer: Caller.Peer, reply: @escaping @Sendable (Response) async throws -> Void) async throws {
        try await handle(request, from: caller(peer), reply: reply)
    }
}
