import Glibc
import SpoorProtocol
import Testing

@Suite("Unix socket addresses")
struct UnixSocketAddressTests {
    @Test func aPathAnAbstractNameAndOneTooLong() {
        #expect(UnixSocketAddress.with(path: "/run/spoor/spoor.sock") { _, length in length } == socklen_t(MemoryLayout<sockaddr_un>.size))
        // An abstract name starts with a NUL byte and its length counts only the bytes given.
        #expect(UnixSocketAddress.with(path: "@spoor") { _, length in length } == socklen_t(MemoryLayout<sa_family_t>.size + 6))
        #expect(UnixSocketAddress.with(path: "/" + String(repeating: "x", count: 200)) { _, _ in true } == nil)
    }
}
