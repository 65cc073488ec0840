#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Okapi BM25 with Lucene's non-negative idf:
///
///     idf(t)      = ln(1 + (N − df + 0.5) / (df + 0.5))
///     score(t, d) = w(qtf) · idf(t) · tf · (k1 + 1) / (tf + k1 · (1 − b + b · |d| / avgdl))
///     w(qtf)      = (k1 + 1) · qtf / (k1 + qtf)
///
/// N, df and avgdl are taken over the whole index, so a story's score does not depend on
/// which segment holds it. `w` is Okapi's query-term factor (Robertson et al., TREC-3),
/// with its k3 set to k1: a term's count in the query saturates as its count in a story
/// does: 1 for a term written once, 1.375 for one written twice, never more than k1 + 1.
public struct BM25: Sendable, Equatable {
    public var k1: Double
    public var b: Double
    public var documentCount: Int
    public var averageDocumentLength: Double

    public init(k1: Double = 1.2, b: Double = 0.75, documentCount: Int, averageDocumentLength: Double) {
        self.k1 = k1
        self.b = b
        self.documentCount = documentCount
        self.averageDocumentLength = averageDocumentLength
    }

    public func idf(documentFrequency df: Int) -> Double {
        let n = Double(documentCount), d = Double(df)
        return log(1 + (n - d + 0.5) / (d + 0.5))
    }

    /// A query term's weight: the one set outright, else what its frequency gives.
    public func queryWeight(of term: WeightedTerm) -> Double {
        term.weight ?? queryWeight(frequency: term.queryFrequency)
    }

    /// The weight of a term that occurs `qtf` times in the query: 1 when it occurs once.
    public func queryWeight(frequency qtf: Int) -> Double {
        let f = Double(qtf)
        return (k1 + 1) * f / (k1 + f)
    }

    /// The length-normalisation term `k1 · (1 − b + b · |d| / avgdl)`.
    @inline(__always)
    public func lengthNorm(documentLength: UInt32) -> Double {
        let ratio = averageDocumentLength > 0 ? Double(documentLength) / averageDocumentLength : 1
        return k1 * (1 - b + b * ratio)
    }

    /// A term's contribution to a story: `weight` is its idf times its query weight.
    @inline(__always)
    public func score(termFrequency tf: Int, weight: Double, lengthNorm: Double) -> Double {
        let f = Double(tf)
        return weight * f * (k1 + 1) / (f + lengthNorm)
    }
}
