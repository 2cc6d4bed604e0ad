using Mono.Cecil;

// Usage: Publicizer <output directory> <assembly>...
// Writes each assembly to the output directory with every type, method and field public and nothing else changed.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Publicizer <output directory> <assembly>...");
    return 2;
}

Directory.CreateDirectory(args[0]);
foreach (string path in args.Skip(1))
{
    var resolver = new DefaultAssemblyResolver();
    resolver.AddSearchDirectory(Path.GetDirectoryName(path)!);
    using AssemblyDefinition assembly = AssemblyDefinition.ReadAssembly(path, new ReaderParameters { AssemblyResolver = resolver });
    foreach (TypeDefinition type in assembly.MainModule.GetTypes())
    {
        if (type.IsNested) type.IsNestedPublic = true;
        else type.IsPublic = true;
        foreach (MethodDefinition method in type.Methods) method.IsPublic = true;
        foreach (FieldDefinition field in type.Fields)
            if (!type.Events.Any(e => e.Name == field.Name)) field.IsPublic = true; // an event's backing field would clash with the event
    }

    string output = Path.Combine(args[0], Path.GetFileName(path));
    assembly.Write(output);
    Console.WriteLine($"publicized {Path.GetFileName(path)} -> {output}");
}

return 0;
