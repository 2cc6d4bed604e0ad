using Backprop.Training;
using Xunit;

namespace Backprop.Trainer.Tests.Training;

public class InMemorySamplesTests
{
    [Fact]
    public void Rows_come_back_in_stored_order_or_in_a_seeded_permutation()
    {
        var samples = new InMemorySamples(new float[,] { { 0, 0 }, { 1, 10 }, { 2, 20 }, { 3, 30 }, { 4, 40 } }, new float[,] { { 0 }, { 1 }, { 2 }, { 3 }, { 4 } });
        Assert.Equal(5, samples.Count);
        Assert.Equal([0L, 1, 2, 3, 4], Pass(samples, null));
        List<long> shuffled = Pass(samples, 7);
        Assert.Equal([0L, 1, 2, 3, 4], shuffled.Order());
        Assert.Equal(shuffled, Pass(samples, 7));
        Assert.NotEqual(Pass(samples, 7), Pass(samples, 8));
    }

    [Fact]
    public void Jagged_rows_must_all_have_the_same_length()
    {
        var error = Assert.Throws<ArgumentException>(() => new InMemorySamples([[1f, 2f], [3f]], [[0f], [1f]]));
        Assert.Equal("Row 1 has 1 values; row 0 has 2. (Parameter 'inputs')", error.Message);
    }

    [Fact]
    public void Row_counts_must_agree()
    {
        var error = Assert.Throws<ArgumentException>(() => new InMemorySamples(new float[3, 2], new float[4, 1]));
        Assert.Contains("There are 3 input rows but 4 target rows.", error.Message);
        var flat = Assert.Throws<ArgumentException>(() => new InMemorySamples(new float[7], 2, new float[3], 1));
        Assert.Contains("7 input values are not whole rows of 2.", flat.Message);
    }

    private static List<long> Pass(InMemorySamples samples, int? seed)
    {
        var rows = new List<long>();
        float[] input = new float[2], target = new float[1];
        using ISampleCursor cursor = samples.Open(seed);
        while (cursor.MoveNext(input, target))
        {
            Assert.Equal(cursor.Row, target[0]);          // the row's own values arrive with its number
            Assert.Equal(cursor.Row * 10, input[1]);
            rows.Add(cursor.Row);
        }

        return rows;
    }
}
