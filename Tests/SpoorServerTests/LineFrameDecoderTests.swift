import NIOCore
import NIOEmbedded
import Testing
@testable import SpoorApplication
@testable import SpoorServer

/// The frame decoder on its own, in an EmbeddedChannel: lines however the bytes arrive, an
/// oversize line refused without ending the connection, a cut-off line named at the end.
@Suite("Framing request lines")
struct LineFrameDecoderTests {
    func frames(_ chunks: [String], maxLength: Int = 16) throws -> [Frame] {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(LineFrameDecoder(maxLength: maxLength)))
        for chunk in chunks { try channel.writeInbound(ByteBuffer(string: chunk)) }
        try channel.close().wait()  // the end of input: a partial line left is `truncated`
        var frames: [Frame] = []
        while let frame = try channel.readInbound(as: Frame.self) { frames.append(frame) }
        return frames
    }

    @Test func linesAreFramedHoweverTheBytesArrive() throws {
        #expect(
            try frames(["ab\ncd", "e\n", "f", "g\n"]) == [
                .line(ByteBuffer(string: "ab")), .line(ByteBuffer(string: "cde")), .line(ByteBuffer(string: "fg")),
            ])
    }

    @Test func anOversizeLineIsRefusedAndTheNextIsRead() throws {
        let long = String(repeating: "x", count: 40)
        #expect(try frames([long.prefix(20) + "", long.suffix(20) + "\nok\n"]) == [.oversize, .line(ByteBuffer(string: "ok"))])
    }

    @Test func aLineCutOffByTheEndOfInputIsNamed() throws {
        #expect(try frames(["{\"v\":1"]) == [.truncated])
    }
}
