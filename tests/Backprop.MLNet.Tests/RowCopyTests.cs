using Backprop.MLNet.Training;
using Backprop.Training;
using Xunit;

namespace Backprop.MLNet.Tests;

/// <summary>The rows the scan keeps: every row in order, within the budget or none.</summary>
public class RowCopyTests
{
    [Theory]
    [InlineData(1, null)]
    [InlineData(63, null)]
    [InlineData(64, null)]
    [InlineData(65, null)]
    [InlineData(5000, null)]
    [InlineData(5000, 5000L)]
    [InlineData(5000, 4000L)]
    [InlineData(5000, 9000L)]
    public void Keeps_every_row_in_order_whatever_the_count_and_the_view_says(int rows, long? expected)
    {
        var copy = new RowCopy(3, 2, weighted: true, memoryLimit: 1L << 30, expected);
        for (int r = 0; r < rows; r++) Add(copy, [r, r + 0.25f, -r], [r % 7, 1], r * 0.5f);
        Assert.True(copy.Kept);
        InMemorySamples samples = copy.ToSamples();
        Assert.Equal(rows, samples.Rows);
        var input = new float[3];
        var target = new float[2];
        using ISampleCursor cursor = samples.Open(null);
        for (int r = 0; r < rows; r++)
        {
            Assert.True(cursor.MoveNext(input, target));
            Assert.Equal([r, r + 0.25f, -r], input);
            Assert.Equal([r % 7, 1f], target);
            Assert.Equal(r * 0.5f, cursor.Weight);
        }

        Assert.False(cursor.MoveNext(input, target));
    }

    [Fact]
    public void A_slot_read_but_not_committed_is_overwritten_by_the_next_row()
    {
        // The scan reads each row into its slot; a row whose label is missing is not committed and its slot is reused.
        var copy = new RowCopy(2, 1, weighted: false, memoryLimit: 1L << 20, expectedRows: null);
        for (int r = 0; r < 200; r++)
        {
            copy.Slot(out Span<float> input, out Span<float> target);
            input.Fill(-1f);
            target.Fill(-1f);
            if (r % 3 == 0) continue; // "missing label"
            input[0] = r;
            input[1] = 2 * r;
            target[0] = r + 0.5f;
            copy.Commit(1f);
        }

        InMemorySamples samples = copy.ToSamples();
        int[] kept = Enumerable.Range(0, 200).Where(r => r % 3 != 0).ToArray();
        var inputs = new List<float>();
        var targets = new List<float>();
        var row = new float[2];
        var value = new float[1];
        using (ISampleCursor cursor = samples.Open(null))
            while (cursor.MoveNext(row, value))
            {
                inputs.AddRange(row);
                targets.Add(value[0]);
            }

        Assert.Equal(kept.SelectMany(r => new float[] { r, 2 * r }), inputs);
        Assert.Equal(kept.Select(r => r + 0.5f), targets);
    }

    [Fact]
    public void Drops_the_copy_past_the_budget()
    {
        // 4 bytes × (2 inputs + 1 target) = 12 bytes a row: 100 bytes hold 8 rows.
        var copy = new RowCopy(2, 1, weighted: false, memoryLimit: 100, expectedRows: null);
        for (int r = 0; r < 8; r++) Add(copy, [r, r], [r], 1f);
        Assert.True(copy.Kept);
        Add(copy, [8, 8], [8], 1f);
        Assert.False(copy.Kept);
        Assert.Throws<InvalidOperationException>(() => copy.ToSamples());
        Assert.False(new RowCopy(2, 1, weighted: false, memoryLimit: 0, expectedRows: null).Kept);
    }

    /// <summary>One row through the scan's protocol: read into the slot, then committed.</summary>
    private static void Add(RowCopy copy, ReadOnlySpan<float> input, ReadOnlySpan<float> target, float weight)
    {
        copy.Slot(out Span<float> inputSlot, out Span<float> targetSlot);
        input.CopyTo(inputSlot);
        target.CopyTo(targetSlot);
        copy.Commit(weight);
    }
}
