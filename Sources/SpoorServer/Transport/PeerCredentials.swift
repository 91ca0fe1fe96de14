import Glibc
import NIOCore

/// The kernel's word on who is at the other end of a Unix socket (SO_PEERCRED): what every
/// event's actor is taken from, whatever the request says.
struct PeerCredentials: Sendable, Equatable {
    // Laid out as Linux's `struct ucred`, which getsockopt fills in.
    var pid: Int32
    var uid: UInt32
    var gid: UInt32

    /// The credentials of `channel`'s peer, as the kernel recorded them at connect.
    static func of(_ channel: any Channel) -> EventLoopFuture<PeerCredentials> {
        guard let provider = channel as? any SocketOptionProvider else {
            return channel.eventLoop.makeFailedFuture(ChannelError.operationUnsupported)
        }
        return provider.unsafeGetSocketOption(level: SocketOptionLevel(SOL_SOCKET), name: SocketOptionName(SO_PEERCRED))
    }
}
