using System.Runtime.InteropServices;

namespace Safeguard.Core.People.Matching;

/// <summary>
/// In-memory blocking index of person records. Records are added one at a time (or in bulk); a query record's
/// candidates are the indexed records sharing any blocking key with it, scored with the Fellegi–Sunter model.
/// Adding is not thread-safe; any number of <see cref="FindCandidates"/> calls may run at once while no record is
/// being added.
/// </summary>
public sealed class PersonIndex
{
    private readonly List<PreparedPerson> _records = [];
    private readonly Dictionary<ulong, Block> _blocks = [];
    private readonly List<ulong> _scratchKeys = [];
    private readonly StringPool _pool = new();
    private int[] _postingRecord = new int[1024];
    private int[] _postingNext = new int[1024];
    private int _postingCount;

    /// <param name="model">Weights; <see cref="MatchModel.Default"/> when null. Fit one with
    /// <see cref="PersonMatcher.EstimateModel"/> on a sample of your own records for best results.</param>
    /// <param name="thresholds">Bands; the model's <see cref="MatchModel.DefaultThresholds"/> when null.</param>
    /// <param name="maxBlockSize">Blocks with more records than this are skipped when searching.</param>
    public PersonIndex(MatchModel? model = null, MatchThresholds? thresholds = null, int maxBlockSize = 5000)
    {
        Model = model ?? MatchModel.Default;
        Thresholds = thresholds ?? Model.DefaultThresholds();
        MaxBlockSize = maxBlockSize;
    }

    public MatchModel Model { get; }
    public MatchThresholds Thresholds { get; }
    public int MaxBlockSize { get; }
    public int Count => _records.Count;
    public int BlockCount => _blocks.Count;

    public void Add(PersonRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var prepared = new PreparedPerson(record, _pool);
        var index = _records.Count;
        _records.Add(prepared);
        BlockingKeys.For(prepared, _scratchKeys);
        foreach (var key in _scratchKeys)
        {
            ref var block = ref CollectionsMarshal.GetValueRefOrAddDefault(_blocks, key, out var exists);
            if (!exists)
            {
                block.Head = -1;
            }
            else if (block.Head >= 0 && _postingRecord[block.Head] == index)
            {
                continue; // two of this record's keys hashed alike
            }

            if (_postingCount == _postingRecord.Length)
            {
                Array.Resize(ref _postingRecord, _postingCount * 2);
                Array.Resize(ref _postingNext, _postingCount * 2);
            }

            _postingRecord[_postingCount] = index;
            _postingNext[_postingCount] = block.Head;
            block.Head = _postingCount++;
            block.Count++;
        }
    }

    public void AddRange(IEnumerable<PersonRecord> records)
    {
        foreach (var record in records)
        {
            Add(record);
        }
    }

    /// <summary>
    /// The indexed records most likely to be the same person as <paramref name="query"/>, best first, at most
    /// <paramref name="max"/>, each with score, probability, band and a per-field explanation. Records with the
    /// query's own Id are left out. Only candidates scoring at least <paramref name="minimumScore"/> are returned
    /// (all blocked candidates when null).
    /// </summary>
    public IReadOnlyList<MatchCandidate> FindCandidates(PersonRecord query, int max = 10, double? minimumScore = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (max <= 0)
        {
            return [];
        }

        var prepared = new PreparedPerson(query);
        var keys = new List<ulong>(10);
        BlockingKeys.For(prepared, keys);
        var seen = new HashSet<int>();
        var scored = new List<(double Score, int Index, ComparisonVector Vector)>();
        var floor = minimumScore ?? double.NegativeInfinity;
        foreach (var key in keys)
        {
            if (!_blocks.TryGetValue(key, out var block) || block.Count > MaxBlockSize)
            {
                continue;
            }

            for (var posting = block.Head; posting >= 0; posting = _postingNext[posting])
            {
                var index = _postingRecord[posting];
                if (!seen.Add(index))
                {
                    continue;
                }

                var candidate = _records[index];
                if (candidate.Source.Id == query.Id)
                {
                    continue;
                }

                var vector = PairComparer.Compare(prepared, candidate);
                var score = Model.Score(vector.Pattern);
                if (score >= floor)
                {
                    scored.Add((score, index, vector));
                }
            }
        }

        scored.Sort((x, y) => y.Score.CompareTo(x.Score));
        var results = new List<MatchCandidate>(Math.Min(max, scored.Count));
        foreach (var (score, index, vector) in scored.Take(max))
        {
            var candidate = _records[index];
            results.Add(new MatchCandidate(
                candidate.Source,
                score,
                Model.Probability(score),
                Thresholds.BandOf(score, vector),
                Explanations.Build(prepared, candidate, vector, Model)));
        }

        return results;
    }

    private struct Block
    {
        public int Head;
        public int Count;
    }
}
