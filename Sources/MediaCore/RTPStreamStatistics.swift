import CastorCore

/// The receive side of one RTP stream, as RFC 3550 Appendix A computes it: sequence validation with
/// probation (A.1), packets expected and lost, and the fraction lost since the last report (A.3), and the
/// interarrival jitter (A.8). Plus what an operator asks for: packets, bytes, the last packet's instant.
///
/// ```swift
/// var stream = RTPStreamStatistics()
/// stream.record(header, packetLength: 172, arrival: now, arrivalTimestamp: rtpClock(now))
/// stream.cumulativeLost          // expected − received
/// stream.jitterMilliseconds()    // at 8 kHz
/// ```
///
/// A new SSRC restarts the sequence state (A.1's `init_seq`, after probation); what the previous source
/// expected and received is kept in the totals, so the figures of a relay leg cover its whole life. Time is
/// a parameter: the caller passes the arrival instant and the same instant in RTP clock units. A struct
/// without references: `record` does not allocate.
public struct RTPStreamStatistics: Hashable, Sendable {
    /// A.1: a source is valid after this many packets in sequence.
    public static let minimumSequential = 2
    /// A.1: a jump ahead of more than this many is a restart, not loss.
    public static let maximumDropout: UInt16 = 3000
    /// A.1: a packet this far behind is late or duplicate, not a restart.
    public static let maximumMisorder: UInt16 = 100

    /// The SSRC being measured (the last one seen).
    public private(set) var ssrc: UInt32?
    /// Every packet recorded, valid or not.
    public private(set) var packets = 0
    /// The bytes of every packet recorded (RTP header and payload: the UDP payload).
    public private(set) var bytes = 0
    /// When the last packet arrived.
    public private(set) var lastArrival: MonotonicInstant?

    // A.1 `source` state for the current SSRC.
    private var maxSequence: UInt16 = 0
    private var cycles: UInt32 = 0
    private var baseSequence: UInt32 = 0
    private var badSequence: UInt32 = 1 << 16 + 1
    private var probation = 0
    private var received: Int64 = 0
    private var expectedPrior: Int64 = 0
    private var receivedPrior: Int64 = 0
    // A.8: the previous packet's relative transit time, and the jitter estimate scaled by 16.
    private var transit: Int32?
    private var jitterScaled: UInt32 = 0
    // Previous SSRCs (and sequence restarts), folded into the totals.
    private var expectedBefore: Int64 = 0
    private var receivedBefore: Int64 = 0

    public init() {}

    /// Whether the current source has passed probation (A.1): until then its packets are not counted as
    /// received, and a burst of garbage with a random SSRC does not become a source.
    public var isValid: Bool { ssrc != nil && probation == 0 }

    /// Records one packet. Returns whether A.1 accepts it as valid (in sequence, or within the misorder
    /// window); the relay forwards packets either way.
    @discardableResult
    public mutating func record(
        sequenceNumber: UInt16, timestamp: UInt32, ssrc: UInt32, packetLength: Int, arrival: MonotonicInstant,
        arrivalTimestamp: UInt32
    ) -> Bool {
        packets += 1
        bytes += packetLength
        lastArrival = arrival
        if self.ssrc != ssrc {
            foldIntoTotals()
            self.ssrc = ssrc
            // A.1: "a new source ... init_seq(s, seq); s->max_seq = seq - 1; s->probation = MIN_SEQUENTIAL".
            restart(at: sequenceNumber)
            maxSequence = sequenceNumber &- 1
            probation = Self.minimumSequential
        }
        let valid = updateSequence(sequenceNumber)
        if valid { updateJitter(timestamp: timestamp, arrival: arrivalTimestamp) }
        return valid
    }

    /// Records one packet from its parsed header.
    @discardableResult
    public mutating func record(
        _ header: RTPHeader, packetLength: Int, arrival: MonotonicInstant, arrivalTimestamp: UInt32
    ) -> Bool {
        record(
            sequenceNumber: header.sequenceNumber, timestamp: header.timestamp, ssrc: header.ssrc,
            packetLength: packetLength, arrival: arrival, arrivalTimestamp: arrivalTimestamp)
    }

    /// A.1 `update_seq`.
    private mutating func updateSequence(_ sequence: UInt16) -> Bool {
        let delta = sequence &- maxSequence
        if probation > 0 {
            // Packets must be in sequence for the source to become valid.
            if sequence == maxSequence &+ 1 {
                probation -= 1
                maxSequence = sequence
                if probation == 0 {
                    restart(at: sequence)
                    received += 1
                    return true
                }
            } else {
                probation = Self.minimumSequential - 1
                maxSequence = sequence
            }
            return false
        } else if delta < Self.maximumDropout {
            // In order, with a permissible gap.
            if sequence < maxSequence { cycles &+= 1 << 16 }
            maxSequence = sequence
        } else if Int(delta) <= (1 << 16) - Int(Self.maximumMisorder) {
            // A very large jump: two sequential packets after it mean the source restarted (A.1 assumes
            // "the other side restarted without telling us").
            if UInt32(sequence) == badSequence {
                foldIntoTotals()
                restart(at: sequence)
            } else {
                badSequence = (UInt32(sequence) + 1) & 0xFFFF
                return false
            }
        } else {
            // Duplicate or reordered packet: counted as received, so `lost` can go down (even below 0).
        }
        received += 1
        return true
    }

    /// A.1 `init_seq`.
    private mutating func restart(at sequence: UInt16) {
        baseSequence = UInt32(sequence)
        maxSequence = sequence
        badSequence = 1 << 16 + 1
        cycles = 0
        transit = nil
        received = 0
        receivedPrior = 0
        expectedPrior = 0
    }

    /// A.8: `D(i-1,i) = (Rj - Ri) - (Sj - Si)`, `J += (|D| - J) / 16`, in integer arithmetic scaled by 16.
    private mutating func updateJitter(timestamp: UInt32, arrival: UInt32) {
        let current = Int32(bitPattern: arrival &- timestamp)
        defer { transit = current }
        guard let previous = transit else { return }
        let difference = current &- previous
        let magnitude = difference == .min ? UInt32(Int32.max) : UInt32(abs(difference))
        // A.8's integer form: jitter += d - ((jitter + 8) >> 4), with jitter kept × 16.
        jitterScaled = jitterScaled &+ magnitude &- ((jitterScaled &+ 8) >> 4)
    }

    private mutating func foldIntoTotals() {
        expectedBefore += currentExpected
        receivedBefore += received
    }

    /// A.3: `extended_max - base_seq + 1` for the current source (0 before it is valid).
    private var currentExpected: Int64 {
        guard ssrc != nil, probation == 0 else { return 0 }
        return Int64(cycles) + Int64(maxSequence) - Int64(baseSequence) + 1
    }
}

extension RTPStreamStatistics {
    /// The extended highest sequence number received (A.3): cycles × 65536 + the highest sequence number.
    public var extendedHighestSequence: UInt32 { cycles &+ UInt32(maxSequence) }

    /// Packets expected (A.3), over every source and restart this stream has seen.
    public var expected: Int64 { expectedBefore + currentExpected }

    /// Packets received and valid (A.1), over every source.
    public var receivedValid: Int64 { receivedBefore + (isValid ? received : 0) }

    /// Cumulative packets lost, expected − received (A.3); negative when duplicates outnumber losses.
    public var cumulativeLost: Int64 { expected - receivedValid }

    /// The cumulative loss as a receiver report carries it (RFC 3550 §6.4.1): a signed 24-bit field,
    /// clamped to −8388608…8388607.
    public var reportedCumulativeLost: Int32 { Int32(clamping: max(-0x80_0000, min(0x7F_FFFF, cumulativeLost))) }

    /// The fraction of packets lost since the previous call, in 1/256 (A.3), as the next receiver report
    /// carries it; 0 when packets arrived twice or none was expected. Marks the interval's end.
    public mutating func takeFractionLost() -> UInt8 {
        guard isValid else { return 0 }
        let expectedNow = currentExpected
        let expectedInterval = expectedNow - expectedPrior
        expectedPrior = expectedNow
        let receivedInterval = received - receivedPrior
        receivedPrior = received
        let lostInterval = expectedInterval - receivedInterval
        guard expectedInterval > 0, lostInterval > 0 else { return 0 }
        return UInt8(clamping: (lostInterval << 8) / expectedInterval)
    }

    /// The interarrival jitter in RTP timestamp units (A.8), as a receiver report carries it.
    public var jitter: UInt32 { jitterScaled >> 4 }

    /// The interarrival jitter in milliseconds for a payload format clocked at `clockRate` (8000 for G.711,
    /// telephone-event and comfort noise; RFC 3551 §4.5).
    public func jitterMilliseconds(clockRate: Int = 8000) -> Double {
        guard clockRate > 0 else { return 0 }
        return Double(jitterScaled) / 16 * 1000 / Double(clockRate)
    }
}
