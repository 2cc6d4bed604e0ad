namespace Backprop.Generators.Emit
{
    /// <summary>
    /// One named buffer a pass needs: <see cref="Floats"/> values per sample (or in all, when not <see cref="PerSample"/>),
    /// or, with <see cref="AliasOf"/>, another buffer under a new name (dropout in inference).
    /// </summary>
    internal readonly struct Buffer
    {
        public Buffer(string name, string size, long floats, bool perSample, string comment, string? aliasOf = null)
        {
            Name = name;
            Size = size;
            Floats = floats;
            PerSample = perSample;
            Comment = comment;
            AliasOf = aliasOf;
        }

        public string Name { get; }

        /// <summary>The size as a C# expression over the generated constants, e.g. <c>HiddenUnits</c>.</summary>
        public string Size { get; }

        public long Floats { get; }

        public bool PerSample { get; }

        /// <summary>The buffer in math notation with its shape, e.g. <c>A¹ [batch × 16]</c>.</summary>
        public string Comment { get; }

        public string? AliasOf { get; }

        /// <summary>Whether the size is the run-time input count (a layer before the first dense layer of a network sized by the data).</summary>
        public bool PerInput => Size == Names.InputCountName;

        public static Buffer Rows(string name, string size, long floats, string comment) => new(name, size, floats, true, comment);

        public static Buffer Fixed(string name, string size, long floats, string comment) => new(name, size, floats, false, comment);

        public static Buffer Alias(string name, string of, string comment) => new(name, "", 0, true, comment, of);
    }
}
