return Kittens.Tool.KittensTool.Run(args, Console.Out);
