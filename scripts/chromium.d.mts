export declare const headlessShellPath: string;
export declare const fullChromiumPath: string;
export declare const chromiumPackages: string[];
export declare const chromiumPath: string;
export declare const chromiumArgs: string[];
