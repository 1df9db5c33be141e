import NIOCore
import Synchronization
import Testing

@testable import RADIUSNIO

@Suite("RADIUSResponder")
struct RADIUSResponderTests {
    final class Outcomes: Sendable {
        let values = Mutex<[RADIUSProcessingOutcome]>([])
    }

    @Test("a callback responder hands over replies and drops unchanged")
    func callback() {
        let outcomes = Outcomes()
        let responder = RADIUSResponder { outcome in outcomes.values.withLock { $0.append(outcome) } }
        responder.reply(ByteBuffer(bytes: [2, 1, 0, 20]))
        responder.drop(.overload)
        #expect(outcomes.values.withLock { $0 } == [.reply(ByteBuffer(bytes: [2, 1, 0, 20])), .drop(.overload)])
    }
}
