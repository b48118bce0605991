namespace Safeguard.Core.People.Matching;

/// <summary>
/// Fellegi–Sunter model: for every field and agreement level, m = P(level | same person) and
/// u = P(level | different people). A level's weight is log2(m / u); a pair's score is the sum of its field
/// weights (missing fields add 0). <see cref="PriorMatchProbability"/> is the share of candidate pairs that are
/// matches, used to turn a score into a probability.
/// </summary>
public sealed class MatchModel
{
    private readonly double[][] _m;
    private readonly double[][] _u;
    private readonly double[][] _weights;

    public MatchModel(double[][] m, double[][] u, double priorMatchProbability)
    {
        if (m.Length != FieldLevels.FieldCount || u.Length != FieldLevels.FieldCount)
        {
            throw new ArgumentException("One row of probabilities per field is needed.");
        }

        for (var f = 0; f < FieldLevels.FieldCount; f++)
        {
            var levels = FieldLevels.LevelCount((MatchField)f);
            if (m[f].Length != levels || u[f].Length != levels)
            {
                throw new ArgumentException($"{(MatchField)f} needs {levels} levels.");
            }
        }

        if (priorMatchProbability is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(priorMatchProbability));
        }

        _m = m.Select(r => r.ToArray()).ToArray();
        _u = u.Select(r => r.ToArray()).ToArray();
        _weights = new double[FieldLevels.FieldCount][];
        for (var f = 0; f < FieldLevels.FieldCount; f++)
        {
            _weights[f] = new double[_m[f].Length];
            for (var l = 0; l < _m[f].Length; l++)
            {
                _weights[f][l] = Math.Log2(Math.Max(_m[f][l], 1e-9) / Math.Max(_u[f][l], 1e-9));
            }
        }

        PriorMatchProbability = priorMatchProbability;
    }

    public double PriorMatchProbability { get; }

    /// <summary>Number of EM iterations used to fit this model (0 for configured defaults).</summary>
    public int Iterations { get; init; }

    public double M(MatchField field, int level) => _m[(int)field][level];

    public double U(MatchField field, int level) => _u[(int)field][level];

    /// <summary>log2(m/u) for a level; 0 for a missing field.</summary>
    public double Weight(MatchField field, int level) =>
        level == FieldLevels.Missing ? 0 : _weights[(int)field][level];

    internal double Score(uint pattern)
    {
        var total = 0.0;
        for (var f = 0; f < FieldLevels.FieldCount; f++)
        {
            var level = (int)((pattern >> (4 * f)) & 0xF);
            if (level != FieldLevels.Missing)
            {
                total += _weights[f][level];
            }
        }

        return total;
    }

    /// <summary>Posterior probability that a candidate pair with this score is the same person.</summary>
    public double Probability(double score)
    {
        var odds = PriorMatchProbability / (1 - PriorMatchProbability) * Math.Pow(2, score);
        return double.IsPositiveInfinity(odds) ? 1 : odds / (1 + odds);
    }

    /// <summary>The score at which a candidate pair's probability reaches <paramref name="probability"/>.</summary>
    public double ScoreForProbability(double probability) =>
        Math.Log2(probability / (1 - probability)) - Math.Log2(PriorMatchProbability / (1 - PriorMatchProbability));

    /// <summary>Default bands: "certain" at probability 0.99 or more, "possible, needs review" from 0.5.
    /// Pairs between 0.5 and 0.99 are judged the same person by <c>Deduplicate</c> but should be reviewed.</summary>
    public MatchThresholds DefaultThresholds() => new(ScoreForProbability(0.99), ScoreForProbability(0.5));

    /// <summary>
    /// Configured starting values, chosen from general knowledge of person data (how often each kind of error
    /// occurs in a true match, and how often fields agree by chance), not from any one dataset.
    /// </summary>
    public static MatchModel Default { get; } = new(
        m:
        [
            [0.80, 0.04, 0.08, 0.04, 0.01, 0.03], // given name
            [0.84, 0.01, 0.08, 0.03, 0.04], // family name
            [0.85, 0.02, 0.06, 0.02, 0.02, 0.03], // date of birth
            [0.97, 0.03], // sex
            [0.999, 0.001], // NHS number: two valid, different numbers for one person is rare
            [0.90, 0.05, 0.05], // other identifier
            [0.60, 0.15, 0.10, 0.05, 0.10], // address
        ],
        u:
        [
            [0.004, 0.002, 0.004, 0.02, 0.01, 0.96],
            [0.002, 0.0005, 0.002, 0.01, 0.9855],
            [0.0002, 0.0001, 0.002, 0.003, 0.03, 0.9647],
            [0.5, 0.5],
            [0.000001, 0.999999],
            [0.00001, 0.0001, 0.99989],
            [0.0005, 0.002, 0.01, 0.05, 0.9375],
        ],
        priorMatchProbability: 1e-5);

    /// <summary>
    /// Unsupervised Fellegi–Sunter EM over weighted comparison patterns (no labels). The caller passes the patterns
    /// of all blocked candidate pairs plus a random sample of the other pairs, weighted up to stand for every pair,
    /// so the fit is of the whole comparison space (u is then essentially "chance agreement between two people"). Starts from
    /// <paramref name="start"/> and uses it as a weak prior (<paramref name="priorStrength"/> pseudo-pairs per class)
    /// so fields with little or no data keep their configured values.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static MatchModel Estimate(IReadOnlyDictionary<uint, double> patternCounts, MatchModel start, double startPrior, int maxIterations = 300, double priorStrength = 20)
    {
        var patterns = patternCounts.Keys.ToArray();
        var counts = patterns.Select(p => patternCounts[p]).ToArray();
        var total = counts.Sum();
        var m = start._m.Select(r => r.ToArray()).ToArray();
        var u = start._u.Select(r => r.ToArray()).ToArray();
        var lambda = Math.Clamp(startPrior, 1e-9, 0.5);
        var mAcc = m.Select(r => new double[r.Length]).ToArray();
        var uAcc = u.Select(r => new double[r.Length]).ToArray();
        var iterations = 0;
        for (; iterations < maxIterations; iterations++)
        {
            foreach (var row in mAcc)
            {
                Array.Clear(row);
            }

            foreach (var row in uAcc)
            {
                Array.Clear(row);
            }

            var matchMass = 0.0;
            for (var p = 0; p < patterns.Length; p++)
            {
                var pattern = patterns[p];
                double pm = lambda, pu = 1 - lambda;
                for (var f = 0; f < FieldLevels.FieldCount; f++)
                {
                    var level = (int)((pattern >> (4 * f)) & 0xF);
                    if (level != FieldLevels.Missing)
                    {
                        pm *= m[f][level];
                        pu *= u[f][level];
                    }
                }

                var g = pm / (pm + pu);
                var gm = g * counts[p];
                var gu = (1 - g) * counts[p];
                matchMass += gm;
                for (var f = 0; f < FieldLevels.FieldCount; f++)
                {
                    var level = (int)((pattern >> (4 * f)) & 0xF);
                    if (level != FieldLevels.Missing)
                    {
                        mAcc[f][level] += gm;
                        uAcc[f][level] += gu;
                    }
                }
            }

            var change = 0.0;
            for (var f = 0; f < FieldLevels.FieldCount; f++)
            {
                change += Update(m[f], mAcc[f], start._m[f], priorStrength);
                change += Update(u[f], uAcc[f], start._u[f], priorStrength);
            }

            var newLambda = Math.Clamp(matchMass / total, 1e-12, 0.5);
            change += Math.Abs(newLambda - lambda) / lambda;
            lambda = newLambda;
            if (change < 1e-6)
            {
                break;
            }
        }

        return new MatchModel(m, u, lambda) { Iterations = iterations + 1 };
    }

    private static double Update(double[] current, double[] accumulated, double[] prior, double strength)
    {
        var sum = accumulated.Sum() + strength;
        var change = 0.0;
        for (var l = 0; l < current.Length; l++)
        {
            var value = Math.Max((accumulated[l] + (strength * prior[l])) / sum, 1e-9);
            change += Math.Abs(value - current[l]);
            current[l] = value;
        }

        return change;
    }

    public override string ToString()
    {
        var lines = new List<string> { $"prior match probability {PriorMatchProbability:0.0000}, {Iterations} EM iterations" };
        for (var f = 0; f < FieldLevels.FieldCount; f++)
        {
            var field = (MatchField)f;
            var parts = Enumerable.Range(0, _m[f].Length)
                .Select(l => $"{l}: m={_m[f][l]:0.0000} u={_u[f][l]:0.000000} w={_weights[f][l]:+0.0;-0.0}");
            lines.Add($"{FieldLevels.Label(field)}: {string.Join("; ", parts)}");
        }

        return string.Join(Environment.NewLine, lines);
    }
}

/// <summary>Score bands. At or above <see cref="Certain"/>: link automatically. From <see cref="Possible"/> up to
/// Certain: a possible match that a person must review. Below Possible: not a match.</summary>
public sealed record MatchThresholds(double Certain, double Possible)
{
    public MatchBand BandOf(double score) =>
        score >= Certain ? MatchBand.Certain : score >= Possible ? MatchBand.Possible : MatchBand.Unlikely;

    /// <summary>
    /// Band of a compared pair. Never "certain" when the given names disagree outright (siblings and twins share
    /// family name, address and sometimes date of birth) or when two valid NHS numbers differ: a person reviews.
    /// </summary>
    internal MatchBand BandOf(double score, ComparisonVector vector)
    {
        var band = BandOf(score);
        if (band == MatchBand.Certain
            && (vector.Level(MatchField.GivenName) == FieldLevels.LevelCount(MatchField.GivenName) - 1
                || vector.Level(MatchField.NhsNumber) == 1))
        {
            return MatchBand.Possible;
        }

        return band;
    }
}

public enum MatchBand
{
    Unlikely,
    Possible,
    Certain,
}
