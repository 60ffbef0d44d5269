# Generates one project per storage form, each holding the same MB of 6-bit ASCII data, and a Program that sums it.
import os, random, sys
mb = int(sys.argv[1]); random.seed(1)
data = ''.join(chr(0x3F + random.randrange(64)) for _ in range(mb << 20)).replace('\\', '~')
csproj = '''<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><UseSharedCompilation>false</UseSharedCompilation>{extra}</PropertyGroup>{items}</Project>'''
def write(name, source, extra='', items=''):
    os.makedirs(name, exist_ok=True)
    open(f'{name}/{name}.csproj','w').write(csproj.format(extra=extra, items=items))
    open(f'{name}/Program.cs','w').write(source)
main = '''long s = 0; foreach (byte b in D.Data) s += b; System.Console.WriteLine(s);\n'''
# one literal
write(f'u8one{mb}', main + 'static class D { public static System.ReadOnlySpan<byte> Data => "' + data + '"u8; }\n')
# 1 MiB parts joined
parts = [data[i:i+(1<<20)] for i in range(0, len(data), 1<<20)]
src = main + 'static class D { public static readonly byte[] Data = Join();\n static byte[] Join() { var v = new byte[' + str(len(data)) + '];\n'
for i in range(len(parts)): src += f' P{i}.CopyTo(System.MemoryExtensions.AsSpan(v, {i<<20}));\n'
src += ' return v; }\n' + ''.join(f' static System.ReadOnlySpan<byte> P{i} => "{p}"u8;\n' for i, p in enumerate(parts)) + '}\n'
write(f'u8parts{mb}', src)
# byte array initializer (only small sizes: four source characters a byte)
if mb <= 4: write(f'array{mb}', main + 'static class D { public static System.ReadOnlySpan<byte> Data => new byte[] {' + ','.join(str(ord(c)) for c in data) + '}; }\n')
# embedded resource
os.makedirs(f'resource{mb}', exist_ok=True); open(f'resource{mb}/data.bin','w').write(data)
write(f'resource{mb}', main.replace('D.Data', 'D.Data()') + '''static unsafe class D { public static System.ReadOnlySpan<byte> Data() { var s = (System.IO.UnmanagedMemoryStream)typeof(D).Assembly.GetManifestResourceStream("data.bin")!; return new System.ReadOnlySpan<byte>(s.PositionPointer, (int)s.Length); } }\n''', extra='<AllowUnsafeBlocks>true</AllowUnsafeBlocks>', items='<ItemGroup><EmbeddedResource Include="data.bin" LogicalName="data.bin" /></ItemGroup>')
