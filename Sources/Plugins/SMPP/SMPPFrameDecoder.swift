import NIOCore

/// Splits the TCP byte stream into whole PDUs by `command_length`; a length outside 16...max closes the
/// connection, as nothing after it can be framed.
struct SMPPFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = [UInt8]

    func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let length = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self) else { return .needMoreData }
        guard length >= 16, length <= SMPPCodec.maximumPDULength else {
            throw SMPPCodecError.invalidCommandLength(length, limit: SMPPCodec.maximumPDULength)
        }
        guard let bytes = buffer.readBytes(length: Int(length)) else { return .needMoreData }
        context.fireChannelRead(wrapInboundOut(bytes))
        return .continue
    }
}
