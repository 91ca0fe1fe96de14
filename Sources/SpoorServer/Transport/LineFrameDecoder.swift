import NIOCore

/// One line of input, or why there is none.
enum Frame: Sendable, Equatable {
    case line(ByteBuffer)
    /// A line longer than the cap; its bytes up to the next newline are dropped.
    case oversize
    /// The peer closed the connection in the middle of a line.
    case truncated
}

/// Splits the byte stream into newline-terminated lines of at most `maxLength` bytes. A longer
/// line is reported once and skipped, so one bad request does not end the connection, and the
/// daemon never buffers more than the cap for any peer.
struct LineFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = Frame

    let maxLength: Int
    private var discarding = false

    init(maxLength: Int) { self.maxLength = maxLength }

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n"))
        if discarding {
            guard let newline else {
                buffer.moveReaderIndex(to: buffer.writerIndex)
                return .needMoreData
            }
            buffer.moveReaderIndex(to: newline + 1)
            discarding = false
            return .continue
        }
        guard let newline else {
            guard buffer.readableBytes > maxLength else { return .needMoreData }
            discarding = true
            buffer.moveReaderIndex(to: buffer.writerIndex)
            context.fireChannelRead(wrapInboundOut(.oversize))
            return .continue
        }
        let length = newline - buffer.readerIndex
        if length > maxLength {
            buffer.moveReaderIndex(to: newline + 1)
            context.fireChannelRead(wrapInboundOut(.oversize))
            return .continue
        }
        var line = buffer.readSlice(length: length)!
        buffer.moveReaderIndex(forwardBy: 1)
        if line.readableBytesView.last == UInt8(ascii: "\r") { line.moveWriterIndex(to: line.writerIndex - 1) }
        context.fireChannelRead(wrapInboundOut(.line(line)))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        if buffer.readableBytes > 0 && !discarding {
            buffer.moveReaderIndex(to: buffer.writerIndex)
            context.fireChannelRead(wrapInboundOut(.truncated))
        }
        return .needMoreData
    }
}
